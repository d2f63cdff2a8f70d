package org.portcullis.backend.crl;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Base64;

/**
 * A CRL the backend holds, with where it came from.
 *
 * @param source the URL it was fetched from, or "import:..." for one that came with an imported configuration
 * @param issuer the issuer DN
 * @param thisUpdate its thisUpdate
 * @param nextUpdate its nextUpdate, or null
 * @param crlPem the CRL as one "X509 CRL" PEM block
 */
public record StoredCrl(String source, String issuer, Instant thisUpdate, Instant nextUpdate, String crlPem) {
    /** The parsed CRL. */
    public X509CRL crl() {
        return parse(crlPem.getBytes(StandardCharsets.US_ASCII));
    }

    /** A record for a parsed CRL. */
    public static StoredCrl of(String source, X509CRL crl) {
        return new StoredCrl(source, crl.getIssuerX500Principal().getName(), crl.getThisUpdate().toInstant(),
                crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant(), pem(crl));
    }

    /** Parses a CRL in DER or PEM form; IllegalArgumentException if it is neither. */
    public static X509CRL parse(byte[] encoded) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(encoded));
        } catch (CRLException | CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not a CRL (DER or PEM): " + e.getMessage(), e);
        }
    }

    /** The CRL as one "X509 CRL" PEM block. */
    public static String pem(X509CRL crl) {
        try {
            return "-----BEGIN X509 CRL-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(crl.getEncoded())
                    + "\n-----END X509 CRL-----\n";
        } catch (CRLException e) {
            throw new IllegalArgumentException("the CRL cannot be encoded", e);
        }
    }
}
