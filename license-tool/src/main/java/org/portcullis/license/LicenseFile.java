package org.portcullis.license;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A license file: the license's fields in their canonical form ({@code name: value} lines, UTF-8), then one line
 * {@code signature: BASE64} with the Ed25519 signature over exactly those field lines. CR LF line ends are read
 * as LF; nothing else is normalised, so a change of any one byte makes the file malformed or its signature fail.
 */
public final class LicenseFile {
    /** More than any license file: a bound on what is read. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final String SIGNATURE_PREFIX = "signature: ";
    private static final int SIGNATURE_BYTES = 64;

    private final License license;
    private final byte[] signature;

    private LicenseFile(License license, byte[] signature) {
        this.license = license;
        this.signature = signature.clone();
    }

    /** The license signed with the private key. */
    public static LicenseFile sign(License license, PrivateKey key) {
        return new LicenseFile(license, LicenseKeys.sign(key, LicenseFields.canonical(license)));
    }

    /**
     * The license in a file's bytes, without checking its signature (that is {@link LicenseVerifier}'s part).
     *
     * @throws LicenseException {@link LicenseProblem#MALFORMED} if it is not a license file
     */
    public static LicenseFile parse(byte[] bytes) throws LicenseException {
        Signed signed = split(bytes);
        return new LicenseFile(LicenseFields.parse(signed.body()), signed.signature());
    }

    /**
     * The license in a file, without checking its signature.
     *
     * @throws LicenseException {@link LicenseProblem#MISSING}, {@link LicenseProblem#UNREADABLE} or
     *                          {@link LicenseProblem#MALFORMED}, in one line starting "license FILE: "
     */
    public static LicenseFile read(Path file) throws LicenseException {
        byte[] bytes = readBytes(file);
        try {
            return parse(bytes);
        } catch (LicenseException e) {
            throw new LicenseException(e.problem(), "license " + file + ": " + e.getMessage());
        }
    }

    public License license() {
        return license;
    }

    /** Whether the signature verifies with this key. */
    public boolean isSignedBy(PublicKey key) {
        return LicenseKeys.verify(key, LicenseFields.canonical(license), signature);
    }

    /** The file's text: the fields, then the signature line, each ending in LF. */
    public String text() {
        return new String(LicenseFields.canonical(license), StandardCharsets.UTF_8) + SIGNATURE_PREFIX
                + Base64.getEncoder().encodeToString(signature) + "\n";
    }

    /** The file's bytes, at most one more than {@link #MAX_BYTES}. */
    static byte[] readBytes(Path file) throws LicenseException {
        if (Files.isDirectory(file)) {
            throw new LicenseException(LicenseProblem.UNREADABLE, "license " + file + ": unreadable: a directory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new LicenseException(LicenseProblem.MISSING, "license " + file + ": missing: no such file");
        } catch (IOException e) {
            throw new LicenseException(LicenseProblem.UNREADABLE, "license " + file + ": unreadable: "
                    + FileErrors.reason(e));
        }
    }

    /** The signed field lines and the signature, split apart but not yet checked. */
    record Signed(byte[] body, byte[] signature) {
    }

    /**
     * The field lines (everything up to and including the LF before the last line) and the signature from the
     * last line.
     *
     * @throws LicenseException {@link LicenseProblem#MALFORMED} without a well-formed signature line last
     */
    static Signed split(byte[] bytes) throws LicenseException {
        if (bytes.length == 0) {
            throw malformed("the file is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw malformed("larger than any license file (" + MAX_BYTES + " bytes)");
        }
        byte[] text = withoutCarriageReturns(bytes);
        int end = text[text.length - 1] == '\n' ? text.length - 1 : text.length;
        int lastLine = lastIndexOf(text, end, (byte) '\n') + 1;
        if (lastLine == 0) {
            throw malformed("no signature line after the fields");
        }
        String line = new String(text, lastLine, end - lastLine, StandardCharsets.ISO_8859_1);
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw malformed("the last line is not '" + SIGNATURE_PREFIX + "...'");
        }
        return new Signed(Arrays.copyOf(text, lastLine), signature(line.substring(SIGNATURE_PREFIX.length())));
    }

    private static byte[] signature(String base64) throws LicenseException {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw malformed("the signature is not Base64");
        }
        // The decoder ignores the unused low bits of the last character: only the one encoding is accepted.
        if (signature.length != SIGNATURE_BYTES || !Base64.getEncoder().encodeToString(signature).equals(base64)) {
            throw malformed("the signature is not the Base64 of " + SIGNATURE_BYTES + " bytes");
        }
        return signature;
    }

    /** The bytes with each CR that precedes an LF removed. */
    private static byte[] withoutCarriageReturns(byte[] bytes) {
        ByteArrayOutputStream text = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\r' || i + 1 == bytes.length || bytes[i + 1] != '\n') {
                text.write(bytes[i]);
            }
        }
        return text.toByteArray();
    }

    private static int lastIndexOf(byte[] bytes, int end, byte wanted) {
        for (int i = end - 1; i >= 0; i--) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static LicenseException malformed(String detail) {
        return new LicenseException(LicenseProblem.MALFORMED, "malformed: " + detail);
    }
}
