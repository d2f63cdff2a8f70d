package org.portcullis.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A CIDR block of IPv4 or IPv6 addresses ("192.0.2.0/24", "2001:db8::/32", or a single address). An
 * IPv4-mapped IPv6 source ({@code ::ffff:192.0.2.7}, as a dual-stack listener reports IPv4 peers) matches
 * the IPv4 ranges.
 */
public final class NetworkRange {
    private final byte[] network;
    private final int prefixLength;

    private NetworkRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses "address/prefix" or a single address. Host bits set below the prefix ("192.0.2.7/24") are refused
     * as a likely typo.
     *
     * @throws IllegalArgumentException with a message naming what is wrong
     */
    public static NetworkRange parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        byte[] address = Addresses.parseLiteral(addressText).getAddress();
        int maxPrefix = address.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String prefixText = text.substring(slash + 1);
            if (prefixText.isEmpty() || prefixText.length() > 3 || !prefixText.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("\"" + text + "\": \"" + prefixText + "\" is not a prefix length");
            }
            prefix = Integer.parseInt(prefixText);
            // "::ffff:192.0.2.0/120" comes back from the JDK as an IPv4 address: its prefix counts IPv6 bits.
            if (address.length == 4 && addressText.indexOf(':') >= 0) {
                if (prefix < 96) {
                    throw new IllegalArgumentException("\"" + text + "\": an IPv4-mapped range needs a prefix of 96-128");
                }
                prefix -= 96;
            }
            if (prefix > maxPrefix) {
                throw new IllegalArgumentException("\"" + text + "\": prefix length " + prefixText + " exceeds " + maxPrefix);
            }
        }
        byte[] network = mask(address, prefix);
        if (!Arrays.equals(network, address)) {
            throw new IllegalArgumentException("\"" + text + "\" has host bits set; the network is "
                    + Addresses.display(toInetAddress(network)) + "/" + prefix);
        }
        return new NetworkRange(network, prefix);
    }

    /** True if the address lies in this range; IPv4-mapped IPv6 addresses are compared as IPv4. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && network.length == 4 && Addresses.isIpv4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    /** The prefix length in bits. */
    public int prefixLength() {
        return prefixLength;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    private static InetAddress toInetAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4 or 16 octet address is always valid", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkRange && ((NetworkRange) other).prefixLength == prefixLength
                && Arrays.equals(((NetworkRange) other).network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    /** "192.0.2.0/24", "2001:db8::/32". */
    @Override
    public String toString() {
        return Addresses.display(toInetAddress(network)) + "/" + prefixLength;
    }
}
