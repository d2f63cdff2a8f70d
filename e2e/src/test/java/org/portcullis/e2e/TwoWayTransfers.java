package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.portcullis.config.RelayConfig;
import org.portcullis.oftp2.peer.PeerServer;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.testkit.Await;

/**
 * Files both ways through the relay at once, caught in the middle for a fault: the partner's to the inside daemon
 * ({@link TransferSet#inward}) and the inside daemon's through a route to the remote partner
 * ({@link TransferSet#outward}), the remote partner behind an {@link InsideFront} of its own so that its transfer
 * too can be held half way. After the fault, both senders call again until every file is delivered.
 */
final class TwoWayTransfers {
    /** Files each way. */
    static final int FILES = 3;
    /** The size of each. */
    static final long SIZE = 2 * Figures.MIB;
    /** Octets through a front before its transfer is held: in the middle of the second file. */
    private static final long HOLD_AFTER = FILES * SIZE / 2;

    private final RelayPath relay;
    private final InsideFront remoteFront;
    private final TransferSet inward;
    private final TransferSet outward;
    private final CompletableFuture<Void> release = new CompletableFuture<>();
    private CompletableFuture<SessionResult> inSession;
    private CompletableFuture<SessionResult> outSession;

    private TwoWayTransfers(RelayPath relay, InsideFront remoteFront, TransferSet inward, TransferSet outward) {
        this.relay = relay;
        this.remoteFront = remoteFront;
        this.inward = inward;
        this.outward = outward;
    }

    /** The remote partner with its front, and the files of both senders. */
    static TwoWayTransfers prepare(RelayPath relay, Partners partners) throws Exception {
        Path remoteInbox = relay.folder("remote-in");
        PeerServer remote = partners.remote(remoteInbox, result -> { });
        InsideFront front = relay.closeAfterwards(new InsideFront(relay.group(), remote.localAddress()));
        return new TwoWayTransfers(relay, front, TransferSet.inward(relay, partners, FILES, SIZE),
                TransferSet.outward(relay, partners, remoteInbox, FILES, SIZE));
    }

    /** {@link RelayPath#config()} with the route to the remote partner's front. */
    RelayConfig config() {
        return relay.config().withRoutes(List.of(TestConfig.route(remoteFront.address())));
    }

    /**
     * Starts a session each way, partners calling {@code partnerPort} and the inside daemon {@code routePort}, and
     * returns once both are held half way (connections made afterwards go straight through).
     */
    void startHeld(InetSocketAddress partnerPort, InetSocketAddress routePort) {
        InsideFront insideFront = relay.inside().front();
        int insideHeld = insideFront.holding();
        int remoteHeld = remoteFront.holding();
        insideFront.plan(InsideFront.Plan.holding(HOLD_AFTER, release));
        remoteFront.plan(InsideFront.Plan.holding(HOLD_AFTER, release));
        inSession = inward.session(partnerPort);
        outSession = outward.session(routePort);
        Await.until(() -> insideFront.holding() > insideHeld && remoteFront.holding() > remoteHeld,
                RelayPath.TIMEOUT, "a transfer each way to be half way through");
        insideFront.plan(InsideFront.Plan.DIRECT);
        remoteFront.plan(InsideFront.Plan.DIRECT);
        assertFalse(inSession.isDone() || outSession.isDone(), "both sessions run when the fault comes");
    }

    /** Lets the held transfers go on (what is left of them after the fault). */
    void release() {
        release.complete(null);
    }

    /** The sessions caught by the fault ended without delivering everything. */
    void assertCut() throws Exception {
        release();
        for (CompletableFuture<SessionResult> session : List.of(inSession, outSession)) {
            SessionResult result = Partners.outcome(session);
            assertNotEquals(SessionOutcome.NORMAL_END, result.outcome(), result::toString);
        }
    }

    /** The fault did not touch the held sessions: once let go, both end normally and deliver every file. */
    void assertCompleted() throws Exception {
        release();
        for (CompletableFuture<SessionResult> session : List.of(inSession, outSession)) {
            SessionResult result = Partners.outcome(session);
            assertEquals(SessionOutcome.NORMAL_END, result.outcome(), result::toString);
        }
        assertTrue(inward.allDelivered() && outward.allDelivered(), "every file delivered");
    }

    /**
     * Both senders call again until every file is delivered. The addresses are asked anew for each session (a
     * restarted daemon listens elsewhere).
     */
    void deliverAll(Supplier<InetSocketAddress> partnerPort, Supplier<InetSocketAddress> routePort)
            throws Exception {
        Duration bound = RelayPath.TIMEOUT;
        CompletableFuture<Void> out = CompletableFuture.runAsync(() -> {
            try {
                outward.deliverAll(routePort, bound);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        inward.deliverAll(partnerPort, bound);
        out.get(2 * bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every file arrived whole and identical each way. */
    void assertIntact() {
        inward.assertArrivedIntact();
        outward.assertArrivedIntact();
    }

    /** Transfers that resumed a cut file (RFC 5024 §5.3.3), both ways. */
    int restarts() {
        return inward.restarts().size() + outward.restarts().size();
    }
}
