package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.config.CertificatePin;
import org.portcullis.config.ClientCertificatePolicy;
import org.portcullis.config.LimitConfig;
import org.portcullis.config.PartnerConfig;
import org.portcullis.config.TimeoutConfig;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.relay.server.session.AuditRecord;
import org.portcullis.relay.server.session.AuditRecord.Verdict;
import org.portcullis.relay.server.session.RelaySession;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.TestPki;

/**
 * Partners relay-server refuses before anything goes inside (RFC 5024 §5.3.2, §5.3.11): each gets its ESID
 * (or a failed TLS handshake), leaves one audit record, and the inside daemon sees no connection.
 */
@Timeout(120)
class PartnerRefusalIT {
    private static final Duration TIMEOUT = RelayHarness.TIMEOUT;

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayHarness relay = new RelayHarness(PKI);

    @AfterEach
    void nothingWentInside() {
        assertEquals(0, relay.client().insideConnections(), "connections to the inside daemon");
    }

    private SessionResult partnerSession(String odetteId, String password, Identity identity) throws Exception {
        return relay.partner(PeerConfig.builder(odetteId, password).sendDir(relay.folder("out")), identity, "partner")
                .connect(relay.partnerAddress()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private void assertRefusedWith(EsidReason reason, SessionResult result) {
        assertEquals(SessionOutcome.REFUSED_BY_PARTNER, result.outcome(), result::toString);
        assertEquals(reason, result.esidReceived().reason(), result::toString);
        assertEquals(reason.text(), result.esidReceived().text(), "the refusal says no more than the RFC's words");
        AuditRecord audit = relay.awaitAudit(record -> record.verdict() == Verdict.REFUSED, "the refusal's audit");
        assertEquals(RelaySession.Direction.INCOMING, audit.direction());
        JsonNode line = relay.awaitAuditLine(json -> json.at("/portcullis/verdict").asText().equals("refused"),
                "the refusal's audit line");
        assertRefusalLine(line);
        assertEquals(reason.code(), line.at("/portcullis/esid/code").asInt(-1), line::toString);
        assertEquals("relay", line.at("/portcullis/esid/sender").asText(), line::toString);
        assertFalse(line.at("/user/name").asText().isEmpty(), line::toString);
    }

    /** What every refused partner's audit line carries, as an IDS reads it. */
    private void assertRefusalLine(JsonNode line) {
        assertEquals("failure", line.at("/event/outcome").asText(), line::toString);
        assertEquals("session-refused", line.at("/event/action").asText(), line::toString);
        assertFalse(line.at("/event/reason").asText().isEmpty(), line::toString);
        assertTrue(line.at("/event/duration").asLong(-1) >= 0, line::toString);
        assertEquals("inbound", line.at("/network/direction").asText(), line::toString);
        assertEquals("incoming", line.at("/portcullis/direction").asText(), line::toString);
        assertEquals("127.0.0.1", line.at("/source/ip").asText(), line::toString);
        assertTrue(line.at("/source/port").asInt() > 0, line::toString);
        assertEquals(relay.partnerAddress().getPort(), line.at("/destination/port").asInt(), line::toString);
        assertEquals(0, line.at("/destination/bytes").asLong(-1), line::toString);
        assertFalse(line.at("/portcullis/session/id").asText().isEmpty(), line::toString);
        assertFalse(line.path("@timestamp").asText().isEmpty(), line::toString);
    }

    private void assertTlsRefused(SessionResult result) {
        assertEquals(SessionOutcome.CONNECTION_FAILED, result.outcome(), result::toString);
        assertNull(result.esidReceived(), result::toString);
        AuditRecord audit = relay.awaitAudit(record -> record.verdict() == Verdict.REFUSED, "the refusal's audit");
        assertTrue(audit.reason().startsWith("TLS handshake failed"), audit::toString);
        JsonNode line = relay.awaitAuditLine(json -> json.at("/portcullis/verdict").asText().equals("refused"),
                "the refusal's audit line");
        assertRefusalLine(line);
        assertTrue(line.at("/event/reason").asText().startsWith("TLS handshake failed"), line::toString);
        assertTrue(line.at("/portcullis/esid").isMissingNode(), "no ESID without TLS: " + line);
    }

    @Test
    void rejectsUnknownOdetteIdWithEsid03() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), TIMEOUT);
        String stranger = "O0013000000STRANGER";
        assertRefusedWith(EsidReason.USER_CODE_NOT_KNOWN,
                partnerSession(stranger, TestRelayConfig.PARTNER_PASSWORD, PKI.client(stranger)));
    }

    @Test
    void rejectsWrongPasswordWithEsid04() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), TIMEOUT);
        Identity identity = PKI.client(TestRelayConfig.PARTNER_ID);
        assertRefusedWith(EsidReason.INVALID_PASSWORD, partnerSession(TestRelayConfig.PARTNER_ID, "WRONG", identity));
        JsonNode line = relay.awaitAuditLine(json -> true, "the refusal's audit line");
        assertEquals(TestRelayConfig.PARTNER_ID, line.at("/user/name").asText(), line::toString);
        assertEquals("wrong password", line.at("/event/reason").asText(), line::toString);
        assertEquals(identity.certificate().getSubjectX500Principal().getName(),
                line.at("/tls/client/subject").asText(), line::toString);
        assertEquals(identity.certificate().getSerialNumber(),
                new BigInteger(line.at("/tls/client/x509/serial_number").asText(), 16), line::toString);
        assertFalse(line.toString().contains("WRONG"), "never the password: " + line);
    }

    @Test
    void rejectsSourceAddressNotAllowedWithEsid03() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).partners(new PartnerConfig(TestRelayConfig.PARTNER_ID,
                partnerHash(), List.of(), List.of("192.0.2.0/24", "2001:db8::/32"), ClientCertificatePolicy.REQUIRED))
                .json(), TIMEOUT);
        assertRefusedWith(EsidReason.USER_CODE_NOT_KNOWN, partnerSession(TestRelayConfig.PARTNER_ID,
                TestRelayConfig.PARTNER_PASSWORD, PKI.client(TestRelayConfig.PARTNER_ID)));
    }

    @Test
    void rejectsACertificateMatchingNoPinWithEsid04() throws Exception {
        String pin = CertificatePin.of(PKI.client(TestRelayConfig.PARTNER_ID).certificate()).toString();
        relay.client().push(new TestRelayConfig(PKI).partners(new PartnerConfig(TestRelayConfig.PARTNER_ID,
                partnerHash(), List.of(pin), List.of(), ClientCertificatePolicy.REQUIRED)).json(), TIMEOUT);
        assertRefusedWith(EsidReason.INVALID_PASSWORD, partnerSession(TestRelayConfig.PARTNER_ID,
                TestRelayConfig.PARTNER_PASSWORD, PKI.client(TestRelayConfig.PARTNER_ID)));
    }

    @Test
    void rejectsOftp1WithEsid10() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), TIMEOUT);
        try (RawPartner partner = RawPartner.connect(relay.group(), relay.partnerAddress(),
                relay.rawTls(PKI.client(TestRelayConfig.PARTNER_ID)), TIMEOUT)) {
            assertInstanceOf(Ssrm.class, partner.next(TIMEOUT));
            partner.send(Ssid.builder().level(4).odetteId(TestRelayConfig.PARTNER_ID)
                    .password(TestRelayConfig.PARTNER_PASSWORD).build());
            assertEquals(EsidReason.MODE_OR_CAPABILITIES_INCOMPATIBLE,
                    assertInstanceOf(Esid.class, partner.next(TIMEOUT)).reason());
            assertTrue(partner.closedWithin(TIMEOUT));
        }
        relay.awaitAudit(record -> record.verdict() == Verdict.REFUSED && record.reason().contains("SSIDLEV 4"),
                "the refusal's audit");
    }

    @Test
    void rejectsAMissingRequiredCertificateInTls() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), TIMEOUT);
        assertTlsRefused(partnerSession(TestRelayConfig.PARTNER_ID, TestRelayConfig.PARTNER_PASSWORD, null));
    }

    @Test
    void rejectsAMissingCertificateOfAPartnerRequiringOneWithEsid04WhenOthersNeedNone() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).addPartner(new PartnerConfig("O0013000000OTHER", partnerHash(),
                List.of(), List.of(), ClientCertificatePolicy.NONE)).json(), TIMEOUT);
        assertRefusedWith(EsidReason.INVALID_PASSWORD,
                partnerSession(TestRelayConfig.PARTNER_ID, TestRelayConfig.PARTNER_PASSWORD, null));
    }

    @Test
    void rejectsARevokedCertificateInTls() throws Exception {
        Identity revoked = PKI.client(TestRelayConfig.PARTNER_ID);
        relay.client().push(new TestRelayConfig(PKI).crl(PKI.crl(revoked.certificate().getSerialNumber())).json(),
                TIMEOUT);
        assertTlsRefused(partnerSession(TestRelayConfig.PARTNER_ID, TestRelayConfig.PARTNER_PASSWORD, revoked));
    }

    @Test
    void rejectsAnUntrustedCertificateInTls() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), TIMEOUT);
        assertTlsRefused(partnerSession(TestRelayConfig.PARTNER_ID, TestRelayConfig.PARTNER_PASSWORD,
                PKI.untrustedClient(TestRelayConfig.PARTNER_ID)));
    }

    @Test
    void endsASessionWithoutSsidWithEsid09() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).timeouts(new TimeoutConfig(TimeoutConfig.DEFAULT_TLS_HANDSHAKE,
                Duration.ofMillis(300), TimeoutConfig.DEFAULT_IDLE)).json(), TIMEOUT);
        try (RawPartner partner = RawPartner.connect(relay.group(), relay.partnerAddress(),
                relay.rawTls(PKI.client(TestRelayConfig.PARTNER_ID)), TIMEOUT)) {
            assertInstanceOf(Ssrm.class, partner.next(TIMEOUT));
            assertEquals(EsidReason.TIME_OUT, assertInstanceOf(Esid.class, partner.next(TIMEOUT)).reason());
            assertTrue(partner.closedWithin(TIMEOUT));
        }
    }

    @Test
    void refusesConnectionsBeyondTheRatePerSourceBeforeTls() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).limits(new LimitConfig(LimitConfig.DEFAULT_MAX_SESSIONS, 1))
                .json(), TIMEOUT);
        try (RawPartner first = RawPartner.connect(relay.group(), relay.partnerAddress(),
                relay.rawTls(PKI.client(TestRelayConfig.PARTNER_ID)), TIMEOUT)) {
            assertInstanceOf(Ssrm.class, first.next(TIMEOUT));
            assertThrows(Exception.class, () -> RawPartner.connect(relay.group(), relay.partnerAddress(),
                    relay.rawTls(PKI.client(TestRelayConfig.PARTNER_ID)), TIMEOUT));
        }
        assertTrue(relay.audit().stream().noneMatch(record -> record.reason().contains("TLS")),
                "a connection refused for its rate leaves no audit record");
    }

    private static String partnerHash() {
        return TestRelayConfig.partner(TestRelayConfig.PARTNER_ID).passwordHash();
    }
}
