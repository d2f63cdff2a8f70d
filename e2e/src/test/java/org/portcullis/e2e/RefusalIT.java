package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.config.CertificatePin;
import org.portcullis.config.ClientCertificatePolicy;
import org.portcullis.config.PartnerConfig;
import org.portcullis.config.RelayConfig;
import org.portcullis.config.TrustConfig;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.relay.server.session.AuditRecord;
import org.portcullis.relay.server.session.AuditRecord.Verdict;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.TestPki;

/**
 * Partners refused at the door (RFC 5024 §5.3.2, §5.3.11; docs/relay-server.md, the SSID checks): each gets its
 * ESID code, or a failed TLS handshake where that is the documented outcome, relay-server writes its audit record,
 * and the inside daemon sees no connection at all.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RefusalIT {
    private static final Duration TIMEOUT = RelayPath.TIMEOUT;

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    private final Partners partners = new Partners(relay);
    private boolean admittedOne;

    @AfterEach
    void nothingReachedTheInside() {
        assertEquals(admittedOne ? 1 : 0, relay.inside().connections(), "connections the inside daemon saw");
    }

    @Test
    void admitsThePartnerWithEverythingRightAndTheInsideSeesItsConnection() throws Exception {
        relay.startClient(relay.config());
        SessionResult result = call(TestConfig.PARTNER_ID, TestConfig.PARTNER_PASSWORD,
                PKI.client(TestConfig.PARTNER_ID));
        assertEquals(SessionOutcome.NORMAL_END, result.outcome(), result::toString);
        admittedOne = true;
    }

    @Test
    void refusesAnUnknownOdetteIdWithEsid03() throws Exception {
        relay.startClient(relay.config());
        String stranger = "O0013000000STRANGER";
        assertRefused(EsidReason.USER_CODE_NOT_KNOWN, call(stranger, TestConfig.PARTNER_PASSWORD,
                PKI.client(stranger)));
    }

    @Test
    void refusesAWrongPasswordWithEsid04() throws Exception {
        relay.startClient(relay.config());
        assertRefused(EsidReason.INVALID_PASSWORD, call(TestConfig.PARTNER_ID, "WRONG",
                PKI.client(TestConfig.PARTNER_ID)));
    }

    @Test
    void refusesACertificateOfAnUntrustedCaInTls() throws Exception {
        relay.startClient(relay.config());
        assertTlsRefused(call(TestConfig.PARTNER_ID, TestConfig.PARTNER_PASSWORD,
                PKI.untrustedClient(TestConfig.PARTNER_ID)));
    }

    @Test
    void refusesAMissingCertificateInTls() throws Exception {
        relay.startClient(relay.config());
        assertTlsRefused(call(TestConfig.PARTNER_ID, TestConfig.PARTNER_PASSWORD, null));
    }

    @Test
    void refusesARevokedCertificateInTls() throws Exception {
        Identity revoked = PKI.client(TestConfig.PARTNER_ID);
        relay.startClient(relay.config().withTrust(TrustConfig.of(List.of(PKI.ca().certificate()),
                List.of(PKI.crl(revoked.certificate().getSerialNumber())))));
        assertTlsRefused(call(TestConfig.PARTNER_ID, TestConfig.PARTNER_PASSWORD, revoked));
    }

    @Test
    void refusesACertificateThatMatchesNoPinWithEsid04() throws Exception {
        String pin = CertificatePin.of(PKI.client(TestConfig.PARTNER_ID).certificate()).toString();
        relay.startClient(withPartner(relay.config(), List.of(pin), List.of()));
        assertRefused(EsidReason.INVALID_PASSWORD, call(TestConfig.PARTNER_ID, TestConfig.PARTNER_PASSWORD,
                PKI.client(TestConfig.PARTNER_ID)));
    }

    @Test
    void refusesASourceAddressNotAllowedWithEsid03() throws Exception {
        relay.startClient(withPartner(relay.config(), List.of(), List.of("192.0.2.0/24", "2001:db8::/32")));
        assertRefused(EsidReason.USER_CODE_NOT_KNOWN, call(TestConfig.PARTNER_ID, TestConfig.PARTNER_PASSWORD,
                PKI.client(TestConfig.PARTNER_ID)));
    }

    @Test
    void refusesOftp1WithEsid10() throws Exception {
        relay.startClient(relay.config());
        try (RawPartner partner = RawPartner.connect(relay.group(), relay.partnerAddress(),
                RawPartner.tls(PKI.client(TestConfig.PARTNER_ID), PKI.ca().certificate()), TIMEOUT)) {
            assertInstanceOf(Ssrm.class, partner.next(TIMEOUT));
            partner.send(Ssid.builder().level(4).odetteId(TestConfig.PARTNER_ID)
                    .password(TestConfig.PARTNER_PASSWORD).build());
            Esid esid = assertInstanceOf(Esid.class, partner.next(TIMEOUT));
            assertEquals(EsidReason.MODE_OR_CAPABILITIES_INCOMPATIBLE, esid.reason(), esid::toString);
            assertTrue(partner.closedWithin(TIMEOUT), "relay-server closes after the ESID");
        }
        awaitRefusal();
    }

    private SessionResult call(String odetteId, String password, Identity certificate) throws Exception {
        Path outbox = relay.folder("partner-out");
        TestFiles.random(outbox, "REFUSED", 1000, 1);
        return Partners.outcome(partners.callRelay(partners.caller(PeerConfig.builder(odetteId, password)
                .sendDir(outbox), certificate)));
    }

    private static RelayConfig withPartner(RelayConfig config, List<String> pins, List<String> networks) {
        return config.withPartners(List.of(new PartnerConfig(TestConfig.PARTNER_ID,
                TestConfig.partner(TestConfig.PARTNER_ID).passwordHash(), pins, networks,
                ClientCertificatePolicy.REQUIRED)));
    }

    private void assertRefused(EsidReason reason, SessionResult result) {
        assertEquals(SessionOutcome.REFUSED_BY_PARTNER, result.outcome(), result::toString);
        assertEquals(reason, result.esidReceived().reason(), result::toString);
        assertEquals(reason.text(), result.esidReceived().text(), "the refusal says no more than the RFC's words");
        awaitRefusal();
    }

    private void assertTlsRefused(SessionResult result) {
        assertEquals(SessionOutcome.CONNECTION_FAILED, result.outcome(), result::toString);
        assertNull(result.esidReceived(), result::toString);
        AuditRecord audit = awaitRefusal();
        assertTrue(audit.reason().startsWith("TLS handshake failed"), audit::toString);
    }

    private AuditRecord awaitRefusal() {
        AuditRecord audit = relay.awaitAudit(record -> record.verdict() == Verdict.REFUSED, "the refusal's audit");
        assertEquals("incoming", audit.direction(), audit::toString);
        return audit;
    }
}
