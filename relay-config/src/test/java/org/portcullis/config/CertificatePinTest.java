package org.portcullis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.testkit.TestPki;

class CertificatePinTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @Test
    void pinsTheSha256OfTheDerCertificate() throws Exception {
        X509Certificate certificate = PKI.client("O0013PARTNER").certificate();
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));

        CertificatePin pin = CertificatePin.parse("SHA256:" + hex.toUpperCase());

        assertTrue(pin.matches(certificate));
        assertFalse(pin.matches(PKI.client("O0013PARTNER").certificate()));
        assertEquals("sha256:" + hex, pin.toString());
        assertEquals(CertificatePin.of(certificate), pin);
    }

    @Test
    void helpsPartnersMatchTheirPins() {
        X509Certificate pinned = PKI.client("O0013PARTNER").certificate();
        X509Certificate other = PKI.client("O0013PARTNER").certificate();
        PartnerConfig partner = new PartnerConfig("O0013PARTNER", ConfigDocuments.PASSWORD_HASH,
                List.of(CertificatePin.of(pinned).toString()), List.of(), null);
        PartnerConfig unpinned = new PartnerConfig("O0013PARTNER", ConfigDocuments.PASSWORD_HASH, null, null, null);

        assertTrue(partner.pinMatches(pinned));
        assertFalse(partner.pinMatches(other));
        assertTrue(unpinned.pinMatches(other));
        assertEquals(ClientCertificatePolicy.REQUIRED, unpinned.clientCertificate());
    }

    @Test
    void refusesMalformedPins() {
        for (String text : List.of("", "sha256:", "sha256:00", "sha1:" + "0".repeat(64), "0".repeat(64),
                "sha256:" + "0".repeat(63) + "g", "sha256:" + "0".repeat(65))) {
            assertThrows(IllegalArgumentException.class, () -> CertificatePin.parse(text), text);
        }
    }
}
