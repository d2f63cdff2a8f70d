package org.portcullis.config;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A partner certificate pinned by the SHA-256 digest of its DER encoding, written "sha256:&lt;64 hex digits&gt;". */
public final class CertificatePin {
    private static final String PREFIX = "sha256:";
    private static final Pattern HEX_64 = Pattern.compile("[0-9A-Fa-f]{64}");

    private final byte[] digest;

    private CertificatePin(byte[] digest) {
        this.digest = digest;
    }

    /**
     * Parses "sha256:&lt;64 hex digits&gt;" (either case).
     *
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static CertificatePin parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || !HEX_64.matcher(text.substring(PREFIX.length())).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not of the form sha256:<64 hex digits>");
        }
        return new CertificatePin(HexFormat.of().parseHex(text.substring(PREFIX.length()).toLowerCase(Locale.ROOT)));
    }

    /** The pin of a certificate. */
    public static CertificatePin of(X509Certificate certificate) {
        return new CertificatePin(sha256(certificate));
    }

    /** True if the certificate's DER encoding has this digest. */
    public boolean matches(X509Certificate certificate) {
        return MessageDigest.isEqual(digest, sha256(certificate));
    }

    private static byte[] sha256(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificatePin && MessageDigest.isEqual(((CertificatePin) other).digest, digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    /** "sha256:" and the digest in lower-case hex. */
    @Override
    public String toString() {
        return PREFIX + HexFormat.of().formatHex(digest);
    }
}
