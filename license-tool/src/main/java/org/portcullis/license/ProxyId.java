package org.portcullis.license;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identifier of the host relay-server runs on, which a license is bound to: the first 64 bits of SHA-256 over
 * a fixed domain string and the host's systemd machine ID, written {@code PCX-XXXX-XXXX-XXXX-XXXX} (upper-case hex).
 * {@link HostIdentity} says where the machine ID is read from.
 */
public record ProxyId(String value) {
    private static final Pattern FORM = Pattern.compile("PCX(-[0-9A-F]{4}){4}");
    private static final Pattern MACHINE_ID = Pattern.compile("[0-9a-f]{32}");
    /** Keeps the Proxy ID from equalling any other digest of the machine ID (and names the scheme's version). */
    private static final String DOMAIN = "portcullis proxy-id v1\n";
    private static final int DIGEST_BYTES = 8;

    /** @throws IllegalArgumentException unless the value is in the canonical form {@code PCX-XXXX-XXXX-XXXX-XXXX} */
    public ProxyId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(describe(value));
        }
    }

    /**
     * A Proxy ID as typed: surrounding space and lower-case hex digits are accepted.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static ProxyId parse(String text) {
        String value = text == null ? null : text.strip().toUpperCase(Locale.ROOT);
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(describe(text));
        }
        return new ProxyId(value);
    }

    /** The Proxy ID of a machine ID: 32 hex digits (systemd's machine-id(5)), any case. */
    static ProxyId ofMachineId(String machineId) {
        String id = machineId.toLowerCase(Locale.ROOT);
        if (!MACHINE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a machine ID is 32 hex digits");
        }
        byte[] digest = sha256((DOMAIN + id).getBytes(StandardCharsets.US_ASCII));
        String hex = HexFormat.of().withUpperCase().formatHex(digest, 0, DIGEST_BYTES);
        return new ProxyId("PCX-" + hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12)
                + "-" + hex.substring(12, 16));
    }

    /** Whether the text is a machine ID (32 hex digits). */
    static boolean isMachineId(String text) {
        return MACHINE_ID.matcher(text.toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public String toString() {
        return value;
    }

    private static String describe(String text) {
        return "'" + text + "' is not a Proxy ID (expected PCX-XXXX-XXXX-XXXX-XXXX, each X a hex digit)";
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
