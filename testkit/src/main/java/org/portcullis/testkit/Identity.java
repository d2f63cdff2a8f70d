package org.portcullis.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/**
 * A certificate with its private key and issuing CA, as java.security objects and as PEM files (the TLS
 * identities of RFC 5024 section 2.3).
 *
 * @param certificate the leaf certificate
 * @param privateKey its private key
 * @param caCertificate the certificate of the CA that signed it
 */
public record Identity(X509Certificate certificate, PrivateKey privateKey, X509Certificate caCertificate) {

    /**
     * Writes {@code NAME.crt.pem}, {@code NAME.key.pem} and {@code NAME.ca.pem} (the issuer, named per
     * identity so identities of different CAs can share a folder) into the folder, created if missing, and
     * returns their paths. The key file is PKCS#8, which Netty reads without Bouncy Castle.
     */
    public PemFiles writePem(Path folder, String name) {
        try {
            Files.createDirectories(folder);
            Path chain = folder.resolve(name + ".crt.pem");
            Path key = folder.resolve(name + ".key.pem");
            Path ca = folder.resolve(name + ".ca.pem");
            Files.writeString(chain, certificatePem(certificate), StandardCharsets.US_ASCII);
            Files.writeString(key, Pem.block("PRIVATE KEY", privateKey.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(ca, certificatePem(caCertificate), StandardCharsets.US_ASCII);
            return new PemFiles(chain, key, ca);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PEM files for " + name + " into " + folder, e);
        }
    }

    /** The certificate as one PEM block. */
    public static String certificatePem(X509Certificate certificate) {
        try {
            return Pem.block("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode " + certificate.getSubjectX500Principal(), e);
        }
    }
}
