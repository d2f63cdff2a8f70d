package org.portcullis.backend.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/** Certificates read from files an operator names (PEM or DER). */
final class CertificateFiles {
    private CertificateFiles() {
    }

    /** Every certificate in the file, at least one. */
    static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw AdminException.failed(file + " holds no certificate");
            }
            return certificates;
        } catch (IOException e) {
            throw AdminException.failed("cannot read " + file + ": " + e.getMessage());
        } catch (CertificateException e) {
            throw AdminException.failed(file + " holds no readable certificate: " + e.getMessage());
        }
    }

}
