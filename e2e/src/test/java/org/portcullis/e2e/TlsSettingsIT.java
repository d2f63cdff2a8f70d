package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;
import org.portcullis.testkit.TlsProbe;

/**
 * relay-server's TLS servers refuse weak clients (issue 10, "Security checks"): the public listener takes TLS 1.2
 * and 1.3 with forward-secret AEAD suites only and refuses a renegotiation; the link takes TLS 1.3 only (so no
 * renegotiation at all). Each refusal is the server's own, a TLS alert, and the same probe with a good client gets
 * through, so the probe is not what fails.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TlsSettingsIT {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    @Test
    void publicListenerTakesTls12WithAStrongSuiteFromAGoodClient() throws Exception {
        relay.startClient(relay.config());
        PemFiles partner = PKI.write(PKI.client(TestConfig.PARTNER_ID), "partner");
        TlsProbe.Outcome outcome = TlsProbe.openssl(relay.partnerAddress(), "-tls1_2", "-cert",
                partner.certificateChain().toString(), "-key", partner.privateKey().toString());
        assertTrue(outcome.established(), outcome::output);
    }

    @Test
    void publicListenerRefusesTls10AndTls11() throws Exception {
        relay.startClient(relay.config());
        assertRefused(TlsProbe.oldProtocol(relay.partnerAddress(), "-tls1_1"));
        assertRefused(TlsProbe.oldProtocol(relay.partnerAddress(), "-tls1"));
    }

    @Test
    void publicListenerRefusesCbcRsaKeyExchangeAnd3desSuites() throws Exception {
        relay.startClient(relay.config());
        assertRefused(TlsProbe.weakSuites(relay.partnerAddress()));
    }

    @Test
    void publicListenerRefusesARenegotiation() throws Exception {
        relay.startClient(relay.config());
        Identity partner = PKI.client(TestConfig.PARTNER_ID);
        assertTrue(TlsProbe.renegotiationRefused(relay.partnerAddress(), partner),
                "relay-server went along with a renegotiation the partner asked for");
    }

    @Test
    void linkRefusesEverythingBelowTls13() {
        InetSocketAddress link = relay.linkAddress();
        assertRefused(TlsProbe.openssl(link, "-tls1_2"));
        assertRefused(TlsProbe.oldProtocol(link, "-tls1_1"));
        assertRefused(TlsProbe.weakSuites(link));
    }

    private static void assertRefused(TlsProbe.Outcome outcome) {
        assertTrue(outcome.refusedByServer(), outcome::output);
    }
}
