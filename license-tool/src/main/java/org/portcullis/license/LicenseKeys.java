package org.portcullis.license;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Ed25519 keys for signing licenses (RFC 8032), through Bouncy Castle, as PEM files (RFC 7468): the private key
 * as PKCS#8 "PRIVATE KEY", the public key as "PUBLIC KEY" (SubjectPublicKeyInfo). Errors about a key file's
 * content are IllegalArgumentExceptions whose messages never contain key material.
 */
public final class LicenseKeys {
    private static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";
    /** More than any PEM key file: a bound on what is read. */
    private static final int MAX_PEM_BYTES = 16 * 1024;
    /** Handed to each JCA call rather than registered, so nothing global changes. */
    private static final Provider BC = new BouncyCastleProvider();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private LicenseKeys() {
    }

    /** A new key pair from the platform's strong random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM, BC).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle has " + ALGORITHM, e);
        }
    }

    /**
     * Writes both halves as PEM: the private key to a new file only its owner can read and write (created so
     * from the start, never readable by others for a moment), the public key to a new file.
     *
     * @throws FileAlreadyExistsException if either file exists; neither is then written
     */
    public static void write(KeyPair pair, Path privateFile, Path publicFile) throws IOException {
        for (Path file : new Path[] {privateFile, publicFile}) {
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString(), null, "exists; keys are never overwritten");
            }
        }
        Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(privateFile, pem(PRIVATE_LABEL, pkcs8v1(pair.getPrivate())), StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
        Files.writeString(publicFile, pem(pair.getPublic()), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
    }

    /** The private key in a PEM file. */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        byte[] der = der(readBounded(file), PRIVATE_LABEL);
        try {
            return KeyFactory.getInstance(ALGORITHM, BC).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("is not an " + ALGORITHM + " private key");
        }
    }

    /** The public key in a PEM file. */
    public static PublicKey readPublicKey(Path file) throws IOException {
        return publicKey(readBounded(file));
    }

    /** The public key in PEM text. */
    public static PublicKey publicKey(String pem) {
        byte[] der = der(pem, PUBLIC_LABEL);
        try {
            return KeyFactory.getInstance(ALGORITHM, BC).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("is not an " + ALGORITHM + " public key");
        }
    }

    /** The public key as PEM text. */
    public static String pem(PublicKey key) {
        return pem(PUBLIC_LABEL, key.getEncoded());
    }

    /** "SHA256:" and the unpadded Base64 of the SHA-256 of the key's DER form, as OpenSSH prints fingerprints. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, BC);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: it is not an " + ALGORITHM + " key", e);
        }
    }

    static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, BC);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            // A key of another algorithm or a signature of the wrong length: it does not verify.
            return false;
        }
    }

    /**
     * The private key as PKCS#8 version 1 (RFC 5208): Bouncy Castle writes version 2 with the public key in it
     * (RFC 5958), which OpenSSL 3.0 cannot read.
     */
    private static byte[] pkcs8v1(PrivateKey key) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
            return new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey()).getEncoded();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode the private key", e);
        }
    }

    private static String pem(String label, byte[] der) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(label, der));
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    private static byte[] der(String pem, String label) {
        PemObject object;
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            object = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            // The reader's messages can quote the input, which may be a key: say what failed, not what was read.
            object = null;
        }
        if (object == null || !label.equals(object.getType())) {
            throw new IllegalArgumentException("holds no PEM block '-----BEGIN " + label + "-----'");
        }
        return object.getContent();
    }

    private static String readBounded(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_PEM_BYTES + 1);
            if (bytes.length > MAX_PEM_BYTES) {
                throw new IllegalArgumentException("is larger than any PEM key file (" + MAX_PEM_BYTES + " bytes)");
            }
            return new String(bytes, StandardCharsets.US_ASCII);
        }
    }
}
