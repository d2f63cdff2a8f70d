package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.peer.FileTransfer;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.relay.server.session.AuditRecord;
import org.portcullis.relay.server.session.RelaySession;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.LeafSpec;
import org.portcullis.testkit.TestPki;

/** A partner's session through relay-server to the inside daemon (RFC 5024 §4), as relay-client carries it. */
@Timeout(120)
class IncomingSessionIT {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayHarness relay = new RelayHarness(PKI);

    @Test
    void listensForPartnersOnlyOnceAConfigurationArrived() throws Exception {
        assertTrue(relay.server().partnerAddresses().isEmpty(), "no public listener before a configuration");
        JsonNode result = relay.client().push(new TestRelayConfig(PKI).revision("r1").json(), RelayHarness.TIMEOUT);
        assertTrue(result.path("applied").booleanValue(), result::toString);
        assertEquals("applied revision r1", result.path("message").asText());
        assertEquals(1, relay.server().partnerAddresses().size());
    }

    @Test
    void reportsNewCrlDistributionPointsOfPartnerCertificatesOnce() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), RelayHarness.TIMEOUT);
        String url = "http://crl.partner.example/ca.crl";
        Identity partnerIdentity = PKI.issue(LeafSpec.client(TestRelayConfig.PARTNER_ID).withCrlDistributionPoint(url));
        Path outbox = relay.folder("partner-out");
        for (int session = 0; session < 2; session++) {
            SessionResult result = relay.partner(PeerConfig.builder(TestRelayConfig.PARTNER_ID,
                    TestRelayConfig.PARTNER_PASSWORD).sendDir(outbox), partnerIdentity, "partner")
                    .connect(relay.partnerAddress()).get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(SessionOutcome.NORMAL_END, result.outcome(), result::toString);
        }
        JsonNode report = relay.client().nextCrlUrls(RelayHarness.TIMEOUT);
        assertEquals(url, report.path("urls").get(0).asText(), report::toString);
        assertEquals(1, report.path("urls").size(), report::toString);
        assertNull(relay.client().nextCrlUrls(Duration.ofMillis(200)), "a URL is reported once");
    }

    @Test
    void endsARunningSessionWithEsid08WhenTheLinkIsLost() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), RelayHarness.TIMEOUT);
        Path outbox = relay.folder("partner-out");
        TestFiles.random(outbox, "PAYLOAD", 4L * TestFiles.MIB, 5);
        InsideGate gate = InsideGate.holdingAfter(TestFiles.MIB);
        relay.client().holdInside(gate);
        CompletableFuture<SessionResult> running = relay.partner(PeerConfig.builder(TestRelayConfig.PARTNER_ID,
                TestRelayConfig.PARTNER_PASSWORD).sendDir(outbox), PKI.client(TestRelayConfig.PARTNER_ID), "partner")
                .connect(relay.partnerAddress());
        gate.holding().get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        relay.client().close();
        SessionResult partner = running.get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(EsidReason.RESOURCES_NOT_AVAILABLE, partner.esidReceived().reason(), partner::toString);
        relay.awaitAudit(record -> record.verdict() == AuditRecord.Verdict.ENDED, "the audit record");
        Await.until(() -> relay.server().activeSessions() == 0, RelayHarness.TIMEOUT, "the session's slot to free");
    }

    @Test
    void refusesPartnersWithEsid08WhileNoLinkIsUp() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), RelayHarness.TIMEOUT);
        relay.client().close();
        Await.until(() -> !relay.server().linkUp(), RelayHarness.TIMEOUT, "the server to see the link gone");
        SessionResult partner = relay.partner(PeerConfig.builder(TestRelayConfig.PARTNER_ID,
                TestRelayConfig.PARTNER_PASSWORD).sendDir(relay.folder("partner-out")),
                PKI.client(TestRelayConfig.PARTNER_ID), "partner")
                .connect(relay.partnerAddress()).get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(EsidReason.RESOURCES_NOT_AVAILABLE, partner.esidReceived().reason(), partner::toString);
        assertEquals(0, relay.client().insideConnections());
    }

    @Test
    void transfersAFileToTheInsideUnchanged() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), RelayHarness.TIMEOUT);
        Path outbox = relay.folder("partner-out");
        String sha256 = TestFiles.sha256(TestFiles.random(outbox, "PAYLOAD", TestFiles.MIB, 42));

        SessionResult partner = relay.partner(PeerConfig.builder(TestRelayConfig.PARTNER_ID,
                TestRelayConfig.PARTNER_PASSWORD).sendDir(outbox), PKI.client(TestRelayConfig.PARTNER_ID), "partner")
                .connect(relay.partnerAddress()).get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        SessionResult inside = relay.nextInsideResult();

        assertEquals(SessionOutcome.NORMAL_END, partner.outcome(), partner::toString);
        assertEquals(SessionOutcome.NORMAL_END, inside.outcome(), inside::toString);
        FileTransfer sent = partner.file("PAYLOAD", FileTransfer.Direction.SENT);
        assertTrue(sent.complete() && sent.delivered(), partner::toString);
        assertEquals(sha256, TestFiles.sha256(relay.insideReceived().resolve("PAYLOAD")));
        AuditRecord audit = relay.awaitAudit(record -> record.verdict() == AuditRecord.Verdict.COMPLETED,
                "the audit record of the completed session");
        assertEquals(TestRelayConfig.PARTNER_ID, audit.odetteId());
        assertEquals(RelaySession.Direction.INCOMING, audit.direction());
        assertTrue(audit.bytesFromPartner() > TestFiles.MIB, audit::toString);
        assertTrue(audit.certificate().subject().contains(TestRelayConfig.PARTNER_ID), audit::toString);
        assertEquals(1, relay.client().insideConnections());
        JsonNode line = relay.awaitAuditLine(json -> json.at("/portcullis/verdict").asText().equals("completed"),
                "the audit line of the completed session");
        assertEquals("success", line.at("/event/outcome").asText(), line::toString);
        assertEquals("127.0.0.1", line.at("/source/ip").asText(), line::toString);
        assertEquals(relay.partnerAddress().getPort(), line.at("/destination/port").asInt(), line::toString);
        assertEquals(audit.bytesFromPartner(), line.at("/source/bytes").asLong(), line::toString);
        assertEquals(audit.bytesToPartner(), line.at("/destination/bytes").asLong(), line::toString);
        assertTrue(line.at("/destination/bytes").asLong() > 0, line::toString);
        assertEquals(TestRelayConfig.PARTNER_ID, line.at("/user/name").asText(), line::toString);
        assertEquals(audit.certificate().subject(), line.at("/tls/client/subject").asText(), line::toString);
        assertEquals(audit.certificate().serialNumber(), line.at("/tls/client/x509/serial_number").asText());
        assertEquals(0, line.at("/portcullis/esid/code").asInt(-1), line::toString);
        assertEquals(audit.duration().toNanos(), line.at("/event/duration").asLong(), line::toString);
        assertTrue(audit.duration().toNanos() > 0, line::toString);
    }
}
