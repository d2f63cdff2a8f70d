package org.portcullis.backend.store;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import org.portcullis.config.CertificatePin;

/**
 * The CA certificates partner certificates must chain to ({@code trusted_cas}), one PEM certificate per row,
 * keyed by the SHA-256 fingerprint of its DER encoding ("sha256:&lt;hex&gt;"), in fingerprint order.
 */
public final class TrustedCaTable {
    /**
     * A trusted CA.
     *
     * @param fingerprint "sha256:" and the hex SHA-256 of the DER certificate
     * @param subject its subject DN
     * @param certificatePem the certificate as one PEM block
     */
    public record TrustedCa(String fingerprint, String subject, String certificatePem) {
        /** The parsed certificate. */
        public X509Certificate certificate() {
            return parse(certificatePem);
        }
    }

    private TrustedCaTable() {
    }

    /** Every trusted CA. */
    public static List<TrustedCa> list(Connection connection) throws SQLException {
        return Sql.list(connection,
                "SELECT fingerprint, subject, certificate_pem FROM trusted_cas ORDER BY fingerprint",
                row -> new TrustedCa(row.getString(1), row.getString(2), row.getString(3)));
    }

    /** Adds the CA; false if it is already trusted. */
    public static boolean insert(Connection connection, X509Certificate certificate) throws SQLException {
        String certificatePem = pem(certificate);
        String fingerprint = CertificatePin.of(certificate).toString();
        if (Sql.first(connection, "SELECT 1 FROM trusted_cas WHERE fingerprint = ?", row -> 1, fingerprint)
                .isPresent()) {
            return false;
        }
        Sql.update(connection, "INSERT INTO trusted_cas (fingerprint, subject, certificate_pem, added_at)"
                + " VALUES (?, ?, ?, ?)", fingerprint, certificate.getSubjectX500Principal().getName(), certificatePem,
                System.currentTimeMillis());
        return true;
    }

    /** Removes the CA with this fingerprint; false if there is none. */
    public static boolean delete(Connection connection, String fingerprint) throws SQLException {
        return Sql.update(connection, "DELETE FROM trusted_cas WHERE fingerprint = ?", fingerprint) > 0;
    }

    /** Removes every CA. */
    public static void deleteAll(Connection connection) throws SQLException {
        Sql.update(connection, "DELETE FROM trusted_cas");
    }

    /** The certificate as one PEM block. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode " + certificate.getSubjectX500Principal().getName(), e);
        }
    }

    /** Parses one PEM (or DER) certificate; IllegalArgumentException if it is not one. */
    public static X509Certificate parse(String certificatePem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("is not a PEM certificate: " + e.getMessage(), e);
        }
    }
}
