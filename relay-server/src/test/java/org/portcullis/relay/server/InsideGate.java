package org.portcullis.relay.server;

import java.util.concurrent.CompletableFuture;

/**
 * Holds the octets relay-server sends towards the inside daemon after the first {@code holdAfter} of a session
 * until {@code opened} completes: with the inside's credit withheld the partner stalls, so a test can act while
 * a transfer is running.
 *
 * @param holdAfter octets let through before holding
 * @param opened    completed by the test to let everything through
 * @param holding   completed by the bridge once it holds something back
 */
record InsideGate(long holdAfter, CompletableFuture<Void> opened, CompletableFuture<Void> holding) {
    /** Lets everything through. */
    static final InsideGate OPEN = new InsideGate(0, CompletableFuture.completedFuture(null), new CompletableFuture<>());

    /** A closed gate holding after {@code octets}. */
    static InsideGate holdingAfter(long octets) {
        return new InsideGate(octets, new CompletableFuture<>(), new CompletableFuture<>());
    }
}
