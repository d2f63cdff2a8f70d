package org.portcullis.backend.crl;

import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * What makes a fetched CRL good enough to ship: signed by a trusted CA (RFC 5280 section 6.3.3), current, and
 * not older than the one already held from the same place (so a replayed old CRL cannot undo a revocation).
 */
public final class CrlChecks {
    /** Clock skew tolerated on thisUpdate. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private CrlChecks() {
    }

    /**
     * Null if the CRL may replace the held one, otherwise why not.
     *
     * @param crl the fetched CRL
     * @param trustedCas the CAs one of which must have signed it
     * @param held the CRL held from the same source, or null
     * @param now the time to check against
     */
    public static String problem(X509CRL crl, Collection<X509Certificate> trustedCas, StoredCrl held, Instant now) {
        if (!signedByAny(crl, trustedCas)) {
            return "not signed by a trusted CA (issuer " + crl.getIssuerX500Principal().getName() + ")";
        }
        if (crl.getNextUpdate() != null && now.isAfter(crl.getNextUpdate().toInstant())) {
            return "out of date: its nextUpdate " + crl.getNextUpdate().toInstant() + " has passed";
        }
        if (crl.getThisUpdate().toInstant().isAfter(now.plus(SKEW))) {
            return "its thisUpdate " + crl.getThisUpdate().toInstant() + " lies in the future";
        }
        if (held != null && crl.getThisUpdate().toInstant().isBefore(held.thisUpdate())) {
            return "older (thisUpdate " + crl.getThisUpdate().toInstant() + ") than the CRL held (thisUpdate "
                    + held.thisUpdate() + ")";
        }
        return null;
    }

    /** True if one of the CAs, named as the CRL's issuer, signed it. */
    public static boolean signedByAny(X509CRL crl, Collection<X509Certificate> trustedCas) {
        for (X509Certificate ca : trustedCas) {
            if (ca.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
                try {
                    crl.verify(ca.getPublicKey());
                    return true;
                } catch (GeneralSecurityException e) {
                    // Another CA of the same name (a renewed key) may still have signed it: try the next.
                }
            }
        }
        return false;
    }
}
