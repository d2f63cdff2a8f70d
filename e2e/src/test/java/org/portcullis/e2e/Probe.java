package org.portcullis.e2e;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.portcullis.oftp2.peer.PeerClient;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;

/**
 * The partner {@link TestConfig#PARTNER_ID} calling with nothing to send: the quickest proof that the relay serves
 * new sessions, end to end to the inside daemon. After a fault it calls again every {@link #RETRY_PAUSE}, as a
 * partner's OFTP2 software retries, until a session ends normally.
 */
final class Probe {
    /** How long a partner waits before calling again after a failed session. */
    static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    private final PeerClient caller;

    private Probe(PeerClient caller) {
        this.caller = caller;
    }

    static Probe of(RelayPath relay, Partners partners) throws Exception {
        return new Probe(partners.partnerCaller(relay.folder("probe"), null));
    }

    /** Calls {@code target} (asked anew each time) until a session ends normally; returns how long that took. */
    Duration untilServed(Supplier<InetSocketAddress> target) throws Exception {
        long start = System.nanoTime();
        long deadline = start + RelayPath.TIMEOUT.toNanos();
        SessionResult result = Partners.outcome(caller.connect(target.get()));
        while (result.outcome() != SessionOutcome.NORMAL_END) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no session ended normally within " + RelayPath.TIMEOUT + "; the last: "
                        + result);
            }
            pause();
            result = Partners.outcome(caller.connect(target.get()));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** One session, which must end normally. */
    void assertServed(InetSocketAddress target, String when) throws Exception {
        SessionResult result = Partners.outcome(caller.connect(target));
        if (result.outcome() != SessionOutcome.NORMAL_END) {
            throw new AssertionError("a new session " + when + " did not end normally: " + result);
        }
    }

    /** The partner's pause before it calls again. */
    static void pause() throws Exception {
        Executor later = CompletableFuture.delayedExecutor(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture.runAsync(() -> { }, later).get(RelayPath.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
