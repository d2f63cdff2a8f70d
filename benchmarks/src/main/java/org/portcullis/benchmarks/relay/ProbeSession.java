package org.portcullis.benchmarks.relay;

import java.util.concurrent.CompletableFuture;

/**
 * What a workload asks of one probe session and what it gets back (RFC 5024 §4.2, §4.3).
 *
 * @param exchanges SFID/EFID exchanges to time after the start phase; 0 holds the session open instead
 * @param started   completed when the partner's SSID arrived, or exceptionally when the session failed first
 * @param finished  completed with the SFID → SFPA round trips in nanoseconds once the session ended
 *                  normally (empty for a held session that the workload closed), or exceptionally
 */
record ProbeSession(int exchanges, CompletableFuture<Void> started, CompletableFuture<long[]> finished) {

    static ProbeSession holding() {
        return new ProbeSession(0, new CompletableFuture<>(), new CompletableFuture<>());
    }

    static ProbeSession timing(int exchanges) {
        return new ProbeSession(exchanges, new CompletableFuture<>(), new CompletableFuture<>());
    }

    void fail(Throwable cause) {
        started.completeExceptionally(cause);
        finished.completeExceptionally(cause);
    }
}
