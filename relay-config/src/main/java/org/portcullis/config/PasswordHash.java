package org.portcullis.config;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, slow hashes of partners' SSID passwords (RFC 5024 section 5.3.2, SSIDPSWD), so that the
 * configuration never carries a password: "pbkdf2-sha256$&lt;iterations&gt;$&lt;salt base64&gt;$&lt;hash base64&gt;",
 * PBKDF2 with HMAC-SHA-256 from the JDK, a 16-octet random salt and a 32-octet hash.
 *
 * <p>{@link #verify} costs a few milliseconds of CPU on purpose: call it from an executor, never on an event loop.
 */
public final class PasswordHash {
    /** The iteration count {@link #create} uses: a few milliseconds per verification. */
    public static final int ITERATIONS = 10_000;
    /** The fewest iterations a configured hash may have. */
    public static final int MIN_ITERATIONS = 1_000;
    /** The most iterations a configured hash may have (bounds the CPU one login attempt costs). */
    public static final int MAX_ITERATIONS = 10_000_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_OCTETS = 16;
    private static final int HASH_OCTETS = 32;
    private static final Pattern FORMAT = Pattern.compile(
            Pattern.quote(SCHEME) + "\\$(\\d{1,9})\\$([A-Za-z0-9+/]+={0,2})\\$([A-Za-z0-9+/]+={0,2})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** Hashes a password with a fresh random salt. */
    public static String create(char[] password) {
        byte[] salt = new byte[SALT_OCTETS];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(pbkdf2(password, salt, ITERATIONS));
    }

    /**
     * True if the password hashes to the encoded hash; the comparison takes the same time wherever the hashes
     * differ. A malformed encoded hash verifies nothing.
     */
    public static boolean verify(String encoded, String password) {
        Objects.requireNonNull(password, "password");
        Matcher matcher = encoded == null ? null : FORMAT.matcher(encoded);
        if (matcher == null || !matcher.matches() || check(encoded) != null) {
            return false;
        }
        int iterations = Integer.parseInt(matcher.group(1));
        byte[] salt = Base64.getDecoder().decode(matcher.group(2));
        byte[] expected = Base64.getDecoder().decode(matcher.group(3));
        char[] chars = password.toCharArray();
        try {
            return MessageDigest.isEqual(expected, pbkdf2(chars, salt, iterations));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Null if the encoded hash is well formed, otherwise what is wrong with it (never echoing the hash). */
    public static String check(String encoded) {
        Matcher matcher = encoded == null ? null : FORMAT.matcher(encoded);
        if (matcher == null || !matcher.matches()) {
            return "must be of the form " + SCHEME + "$<iterations>$<salt base64>$<hash base64>";
        }
        int iterations = Integer.parseInt(matcher.group(1));
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            return "iterations must be " + MIN_ITERATIONS + "-" + MAX_ITERATIONS + ", not " + iterations;
        }
        try {
            if (Base64.getDecoder().decode(matcher.group(2)).length < SALT_OCTETS) {
                return "the salt must be at least " + SALT_OCTETS + " octets";
            }
            if (Base64.getDecoder().decode(matcher.group(3)).length != HASH_OCTETS) {
                return "the hash must be " + HASH_OCTETS + " octets";
            }
        } catch (IllegalArgumentException e) {
            return "the salt or hash is not valid base64";
        }
        return null;
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        KeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_OCTETS * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 platform has PBKDF2WithHmacSHA256", e);
        }
    }
}
