package org.portcullis.proxy.host;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An IP address or a CIDR range of them ({@code 10.0.0.0/8}, {@code fd00::/8}); bits past the prefix in the
 * written address are ignored, as curl ignores them.
 *
 * @param network      the address as written
 * @param prefixLength how many leading bits must match: 32 or 128 for a single address
 */
public record IpRange(InetAddress network, int prefixLength) {

    public IpRange {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " outside 0.." + bits);
        }
    }

    /**
     * Parses {@code ADDRESS} or {@code ADDRESS/BITS}.
     *
     * @throws IllegalArgumentException if the address is not an IP literal or the prefix is not a number in range
     */
    public static IpRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress network = IpLiteral.parse(address)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + address));
        int bits = network.getAddress().length * 8;
        if (slash < 0) {
            return new IpRange(network, bits);
        }
        String prefix = trimmed.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("not a prefix length: " + text);
        }
        return new IpRange(network, Integer.parseInt(prefix));
    }

    /** Whether the address lies in the range (always false across address families). */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] net = network.getAddress();
        if (candidate.length != net.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != net[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (candidate[full] & mask) == (net[full] & mask);
    }

    @Override
    public String toString() {
        String address = network.getHostAddress();
        boolean single = prefixLength == (network instanceof Inet4Address ? 32 : 128);
        return single ? address : address + "/" + prefixLength;
    }
}
