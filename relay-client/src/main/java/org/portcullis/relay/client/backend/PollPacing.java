package org.portcullis.relay.client.backend;

import java.time.Duration;

/**
 * How long to wait after a configuration poll before the next one (the times are from start to start). With long
 * polls the backend sets the pace: the next poll follows a held {@code 304} at once. A backend that does not hold
 * the request (an unchanged answer that came back early) is asked once per poll interval, and two new documents in
 * a row set that pace too; polls never start closer than {@link #MINIMUM_GAP} (or the poll interval, if shorter).
 * Used by the poll thread only.
 */
final class PollPacing {
    /** The shortest time from the start of one poll to the start of the next. */
    static final Duration MINIMUM_GAP = Duration.ofSeconds(1);

    private final Duration interval;
    private final Duration longPollWait;
    private final Duration gap;
    private boolean lastWasDocument;
    private volatile boolean held;

    PollPacing(Duration interval, Duration longPollWait) {
        this.interval = interval;
        this.longPollWait = longPollWait;
        this.gap = interval.compareTo(MINIMUM_GAP) < 0 ? interval : MINIMUM_GAP;
    }

    /** The wait the next poll asks the backend for. */
    Duration longPollWait() {
        return longPollWait;
    }

    /** Whether the last unchanged answer was held by the backend (so long polls work). */
    boolean held() {
        return held;
    }

    /** A new document came, {@code took} after the poll started. */
    Duration afterDocument(Duration took) {
        boolean again = lastWasDocument;
        lastWasDocument = true;
        // The next poll long-polls for the change after this one; a second document at once sets the slow pace.
        return remaining(longPollWait.isZero() || again ? interval : gap, took);
    }

    /** The document is unchanged ({@code 304}), {@code took} after the poll started. */
    Duration afterNotModified(Duration took) {
        lastWasDocument = false;
        held = !longPollWait.isZero() && took.compareTo(longPollWait.dividedBy(2)) >= 0;
        return remaining(held ? gap : interval, took);
    }

    /** The poll failed; the backend or the route's backoff may say when to try again. */
    Duration afterFailure(Duration took, Duration retryAfter) {
        lastWasDocument = false;
        return retryAfter != null ? retryAfter : remaining(interval, took);
    }

    private static Duration remaining(Duration gap, Duration took) {
        Duration left = gap.minus(took);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
