package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.peer.FileTransfer;
import org.portcullis.oftp2.peer.PeerClient;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * relay-client killed in the middle of a transfer (kill -9 of its process): the partner's session ends at once and
 * cleanly, with ESID 08 from relay-server; once relay-client runs again, the partner restarts the file (RFC 5024
 * §5.3.3 SFIDREST) and it arrives whole, the partner sending only what the inside daemon did not have.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClientKillIT {
    private static final Logger LOG = LogManager.getLogger();
    private static final String DATASET = "RESTARTED";

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    private final Partners partners = new Partners(relay);
    /** Lets the held transfer go on. */
    private final CompletableFuture<Void> release = new CompletableFuture<>();

    @Test
    void aKilledRelayClientEndsTheSessionCleanlyAndThePartnersRestartCompletesTheFile() throws Exception {
        DaemonProcess client = relay.startClientProcess(relay.config());
        long size = Figures.restartFile();
        TestFiles.Written file = TestFiles.random(relay.folder("partner-out"), DATASET, size, 5);
        PeerClient partner = partners.partnerCaller(file.path().getParent(), null);

        CompletableFuture<SessionResult> cut = heldAfterAQuarter(partner, size);
        long killed = System.nanoTime();
        client.kill();
        // The front reads on, so it sees relay-client's connection close and closes the daemon's.
        release.complete(null);
        SessionResult ended = Partners.outcome(cut);
        long endedMillis = (System.nanoTime() - killed) / 1_000_000;
        assertEquals(SessionOutcome.REFUSED_BY_PARTNER, ended.outcome(), ended::toString);
        assertEquals(EsidReason.RESOURCES_NOT_AVAILABLE, ended.esidReceived().reason(), ended::toString);
        assertEquals(SessionOutcome.CONNECTION_FAILED, relay.inside().nextResult(RelayPath.TIMEOUT).outcome(),
                "the inside daemon's session was cut when relay-client died");

        long restarted = System.nanoTime();
        relay.startClientProcess(relay.config());
        long linkMillis = (System.nanoTime() - restarted) / 1_000_000;
        long resumed = System.nanoTime();
        SessionResult result = Partners.outcome(partners.callRelay(partner));
        long resumeMillis = (System.nanoTime() - resumed) / 1_000_000;

        assertEquals(SessionOutcome.NORMAL_END, result.outcome(), result::toString);
        FileTransfer transfer = result.file(DATASET, FileTransfer.Direction.SENT);
        assertTrue(transfer.complete() && transfer.delivered(), result::toString);
        assertTrue(transfer.restartOffset() > 0 && transfer.octets() < size, "a restart, not the whole file again: "
                + transfer);
        assertEquals(size, transfer.restartOffset() + transfer.octets(), transfer::toString);
        Path arrived = relay.inside().inbox().resolve(DATASET);
        assertEquals(file.sha256(), TestFiles.sha256(arrived));
        LOG.info("figure: the partner's session ended {} ms after kill -9 of relay-client (ESID 08); relay-client "
                + "relinked {} ms after its restart; the restarted transfer resumed at octet {} and sent {} octets "
                + "in {} ms", endedMillis, linkMillis, transfer.restartOffset(), transfer.octets(), resumeMillis);
    }

    /**
     * Starts the partner's transfer; a quarter of the file reaches the inside daemon, then the rest waits (until
     * {@link #release}): the transfer is surely running.
     */
    private CompletableFuture<SessionResult> heldAfterAQuarter(PeerClient partner, long size) {
        InsideFront front = relay.inside().front();
        front.plan(InsideFront.Plan.holding(size / 4, release));
        CompletableFuture<SessionResult> session = partners.callRelay(partner);
        Await.until(() -> front.holding() == 1, RelayPath.TIMEOUT, "the transfer to be a quarter through");
        front.plan(InsideFront.Plan.DIRECT);
        return session;
    }
}
