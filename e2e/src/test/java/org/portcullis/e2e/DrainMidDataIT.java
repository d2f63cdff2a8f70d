package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.peer.PeerServer;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.relay.client.RelayClient;
import org.portcullis.relay.server.session.AuditRecord;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * relay-client drained (what SIGTERM does) while the inside daemon is in the middle of sending a file's DATA to a
 * partner: at the drain deadline the partner's session ends with ESID 05 (local site emergency close down,
 * RFC 5024 §5.3.5) from relay-server, after the last whole frame, wherever the inside's octets stopped.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DrainMidDataIT {
    /** More than the sockets and link windows on the way hold, so the inside daemon is still sending when held. */
    private static final long FILE = 48 * Figures.MIB;
    /** Octets relay-server gets through to the partner before the partner's side of the path stops reading. */
    private static final long HOLD_AFTER = Figures.MIB;
    private static final Duration DRAIN_DEADLINE = Duration.ofMillis(200);

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    private final Partners partners = new Partners(relay);

    @Test
    void aSessionMidDataAtTheDrainDeadlineEndsWithEsid05ToThePartner() throws Exception {
        BlockingQueue<SessionResult> remoteResults = new LinkedBlockingQueue<>();
        PeerServer remote = partners.remote(relay.folder("remote-in"), remoteResults);
        // The partner's side of the path stops taking octets after the first MiB, until released.
        InsideFront held = relay.closeAfterwards(new InsideFront(relay.group(), remote.localAddress()));
        CompletableFuture<Void> release = new CompletableFuture<>();
        held.plan(InsideFront.Plan.holding(HOLD_AFTER, release));
        RelayClient client = relay.startClient(relay.config().withRoutes(List.of(TestConfig.route(held.address()))));
        InetSocketAddress route = client.routeAddress(TestConfig.ROUTE).orElseThrow();
        TestFiles.Written file = TestFiles.random(relay.folder("inside-out"), "DRAINED", FILE, 11);
        CompletableFuture<SessionResult> inside = partners.insideCaller(file.path().getParent()).connect(route);
        Await.until(() -> held.holding() == 1, RelayPath.TIMEOUT, "the transfer a MiB into its DATA");

        client.drain(DRAIN_DEADLINE).get(RelayPath.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        release.complete(null);

        SessionResult partner = remoteResults.poll(RelayPath.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(partner, "the partner's session ended");
        assertNotNull(partner.esidReceived(), partner::toString);
        assertEquals(EsidReason.LOCAL_SITE_EMERGENCY_CLOSE_DOWN, partner.esidReceived().reason(), partner::toString);
        AuditRecord record = relay.awaitAudit(r -> r.ending().esid() != null, "the session's audit record");
        assertEquals(AuditRecord.Verdict.ENDED, record.verdict());
        assertEquals(EsidReason.LOCAL_SITE_EMERGENCY_CLOSE_DOWN, record.ending().esid());
        assertTrue(record.reason().startsWith("the inside closed the session down"), record.reason());
        assertTrue(record.bytesToPartner() < FILE, "ended in the middle of the file: " + record.bytesToPartner());
        assertNotEquals(SessionOutcome.NORMAL_END, Partners.outcome(inside).outcome(), "the inside was cut off");
    }
}
