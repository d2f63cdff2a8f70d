package org.portcullis.backend.document;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the document being served and tells long-polling requests when it changes: each waits on a future that
 * {@link #publish} completes, so a change reaches every waiting relay at once, without anyone polling.
 * Thread-safe.
 */
public final class DocumentPublisher {
    private final Set<CompletableFuture<PublishedDocument>> waiters = ConcurrentHashMap.newKeySet();
    private volatile PublishedDocument current;

    /** The document being served, or null until the stored configuration has been valid once. */
    public PublishedDocument current() {
        return current;
    }

    /**
     * Completes with the first published document whose entity tag differs from {@code etag}: at once if the
     * current one does. Cancel it to stop waiting.
     */
    public CompletableFuture<PublishedDocument> nextChange(String etag) {
        CompletableFuture<PublishedDocument> change = new CompletableFuture<>();
        waiters.add(change);
        change.whenComplete((document, failure) -> waiters.remove(change));
        // Checked after joining the waiters, so a publish in between is not missed.
        PublishedDocument now = current;
        if (now != null && !now.etag().equals(etag)) {
            change.complete(now);
        }
        return change;
    }

    /** Serves the document from now on and wakes every waiting request, if it differs from the current one. */
    public void publish(PublishedDocument document) {
        PublishedDocument before = current;
        if (before != null && before.etag().equals(document.etag())) {
            return;
        }
        current = document;
        for (CompletableFuture<PublishedDocument> waiter : waiters) {
            waiter.complete(document);
        }
    }

    /** How many requests are waiting for a change. */
    public int waiting() {
        return waiters.size();
    }
}
