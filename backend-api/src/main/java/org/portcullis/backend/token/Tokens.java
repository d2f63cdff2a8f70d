package org.portcullis.backend.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Relay tokens: 256 random bits written in URL-safe base64 without padding (43 characters), kept only as the
 * hex SHA-256 of that text. The token itself is shown once, at creation, and never stored or logged.
 */
public final class Tokens {
    /** The length of a token's text. */
    public static final int LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private Tokens() {
    }

    /** A fresh token. */
    public static String generate() {
        byte[] octets = new byte[32];
        RANDOM.nextBytes(octets);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
    }

    /** The hex SHA-256 of the token's text: what the database keeps. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** True if the text has the form of a token (so a malformed one costs no database lookup). */
    public static boolean wellFormed(String token) {
        return token != null && FORM.matcher(token).matches();
    }

    /** Null if the name is acceptable (1-100 of A-Z a-z 0-9 . _ -, a letter or digit first), else why not. */
    public static String checkName(String name) {
        return name != null && NAME.matcher(name).matches() ? null
                : "a token name is 1-100 characters of A-Z a-z 0-9 . _ - starting with a letter or digit";
    }
}
