package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
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
import org.portcullis.testkit.Await;
import org.portcullis.testkit.Listening;
import org.portcullis.testkit.TestPki;

/** relay-server's drain (what SIGTERM does): no new sessions, running ones finish, the rest get ESID 05. */
@Timeout(120)
class DrainIT {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayHarness relay = new RelayHarness(PKI);

    /** A transfer of 4 MiB from the partner that the inside holds after its first MiB. */
    private CompletableFuture<SessionResult> heldTransfer(InsideGate gate) throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), RelayHarness.TIMEOUT);
        Path outbox = relay.folder("partner-out");
        TestFiles.random(outbox, "PAYLOAD", 4L * TestFiles.MIB, 7);
        relay.client().holdInside(gate);
        CompletableFuture<SessionResult> running = relay.partner(PeerConfig.builder(TestRelayConfig.PARTNER_ID,
                TestRelayConfig.PARTNER_PASSWORD).sendDir(outbox), PKI.client(TestRelayConfig.PARTNER_ID), "partner")
                .connect(relay.partnerAddress());
        gate.holding().get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return running;
    }

    @Test
    void aDrainLetsARunningTransferFinishAndTakesNoNewPartner() throws Exception {
        InsideGate gate = InsideGate.holdingAfter(TestFiles.MIB);
        CompletableFuture<SessionResult> running = heldTransfer(gate);
        InetSocketAddress listener = relay.partnerAddress();

        CompletableFuture<Void> drained = relay.server().drain(Duration.ofSeconds(60));

        assertTrue(relay.server().partnerAddresses().isEmpty());
        // The listener closes on its event loop, a moment after drain() returns.
        Await.until(() -> Listening.refuses(listener, RelayHarness.TIMEOUT), RelayHarness.TIMEOUT,
                "the listener closed");
        assertFalse(drained.isDone(), "the transfer still runs");
        gate.opened().complete(null);
        SessionResult partner = running.get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(SessionOutcome.NORMAL_END, partner.outcome(), partner::toString);
        FileTransfer sent = partner.file("PAYLOAD", FileTransfer.Direction.SENT);
        assertTrue(sent.complete() && sent.delivered(), partner::toString);
        drained.get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        relay.awaitAudit(record -> record.verdict() == AuditRecord.Verdict.COMPLETED, "the completed session");
    }

    @Test
    void aDrainEndsWhatStillRunsAtItsDeadlineWithEsid05() throws Exception {
        CompletableFuture<SessionResult> running = heldTransfer(InsideGate.holdingAfter(TestFiles.MIB));

        CompletableFuture<Void> drained = relay.server().drain(Duration.ofMillis(200));

        SessionResult partner = running.get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(EsidReason.LOCAL_SITE_EMERGENCY_CLOSE_DOWN, partner.esidReceived().reason(), partner::toString);
        drained.get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        AuditRecord audit = relay.awaitAudit(record -> record.verdict() == AuditRecord.Verdict.ENDED, "the record");
        assertEquals("relay-server is shutting down", audit.reason());
    }

    @Test
    void aDrainWithNothingRunningIsDoneAtOnce() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), RelayHarness.TIMEOUT);
        relay.server().drain(Duration.ofSeconds(60)).get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(relay.server().partnerAddresses().isEmpty());
        assertTrue(relay.server().linkUp(), "the link stays up until the server closes");
    }
}
