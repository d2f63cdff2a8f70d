package org.portcullis.backend.crl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.testkit.CertificateAuthority;
import org.portcullis.testkit.KeyType;
import org.portcullis.testkit.TestPki;

class CrlChecksTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    private final List<X509Certificate> trusted = List.of(PKI.ca().certificate());

    @Test
    void crlOfATrustedCaIsGood() {
        X509CRL crl = PKI.crl(BigInteger.TEN);

        assertNull(CrlChecks.problem(crl, trusted, null, Instant.now()));
        assertEquals(crl, StoredCrl.parse(StoredCrl.pem(crl).getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void forgedUntrustedStaleAndOlderCrlsAreRefused() {
        X509CRL forged = CertificateAuthority.create("Portcullis Test Root CA", KeyType.EC_P256).crl(List.of());
        X509CRL untrusted = PKI.untrustedCa().crl(List.of());
        X509CRL crl = PKI.crl();
        StoredCrl newer = new StoredCrl("u", crl.getIssuerX500Principal().getName(),
                crl.getThisUpdate().toInstant().plusSeconds(1), null, StoredCrl.pem(crl));

        assertTrue(CrlChecks.problem(forged, trusted, null, Instant.now()).startsWith("not signed by a trusted CA"));
        assertTrue(CrlChecks.problem(untrusted, trusted, null, Instant.now()).startsWith("not signed"));
        assertTrue(CrlChecks.problem(crl, trusted, null, Instant.now().plus(Duration.ofDays(2)))
                .startsWith("out of date"));
        assertTrue(CrlChecks.problem(crl, trusted, newer, Instant.now()).startsWith("older"));
        assertTrue(CrlChecks.problem(crl, trusted, null, Instant.now().minus(Duration.ofHours(1)))
                .contains("in the future"));
    }

    @Test
    void onlyHttpUrlsWithAHostAreFetched() {
        assertNull(CrlUrls.check("http://crl.example/ca.crl"));
        assertNull(CrlUrls.check("HTTPS://crl.example:8443/ca.crl"));
        assertTrue(CrlUrls.check("ldap://ldap.example/cn=ca") != null);
        assertTrue(CrlUrls.check("http://user:pw@crl.example/ca.crl") != null);
        assertTrue(CrlUrls.check("http:///ca.crl") != null);
        assertTrue(CrlUrls.check("http://crl.example/" + "x".repeat(CrlUrls.MAX_LENGTH)) != null);
        assertThrows(IllegalArgumentException.class, () -> StoredCrl.parse(new byte[] {1, 2, 3}));
    }
}
