package org.portcullis.relay.server.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.testkit.LeafSpec;
import org.portcullis.testkit.TestPki;

class CrlDistributionPointsTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @Test
    void readsTheUrlOfTheExtension() {
        String url = "http://crl.example/partner-ca.crl";
        assertEquals(List.of(url), CrlDistributionPoints.of(
                PKI.issue(LeafSpec.client("O0013000000PARTNER").withCrlDistributionPoint(url)).certificate()));
    }

    @Test
    void aCertificateWithoutTheExtensionHasNone() {
        assertEquals(List.of(), CrlDistributionPoints.of(PKI.client("O0013000000PARTNER").certificate()));
    }
}
