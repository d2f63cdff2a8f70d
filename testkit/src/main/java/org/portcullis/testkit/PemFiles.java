package org.portcullis.testkit;

import java.io.File;
import java.nio.file.Path;

/**
 * Where an identity's PEM files were written: the certificate chain, the PKCS#8 private key and the
 * issuing CA certificate (the trust anchor of RFC 5024 section 2.3 TLS).
 *
 * @param certificateChain the leaf certificate, PEM
 * @param privateKey the unencrypted PKCS#8 key, PEM "PRIVATE KEY"
 * @param caCertificate the issuing CA certificate, PEM
 */
public record PemFiles(Path certificateChain, Path privateKey, Path caCertificate) {

    /** The chain as a File, for {@code SslContextBuilder.forServer(File, File)}. */
    public File certificateChainFile() {
        return certificateChain.toFile();
    }

    /** The key as a File. */
    public File privateKeyFile() {
        return privateKey.toFile();
    }

    /** The CA certificate as a File, for {@code trustManager(File)}. */
    public File caCertificateFile() {
        return caCertificate.toFile();
    }
}
