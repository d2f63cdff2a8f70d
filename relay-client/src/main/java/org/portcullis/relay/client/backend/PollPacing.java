package org.portcullis.relay.client.backend;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait after a configuration poll before the next one (the times are from start to start). With long
 * polls the backend sets the pace: the next poll follows a held {@code 304} at once, and a new document after the
 * minimum gap, however many changes come in a row. A backend that does not hold the request (an unchanged answer
 * that came back early) is asked once per poll interval, and so is one that sends the document relay-client already
 * has (it ignores the entity tag); polls never start closer than {@link #MINIMUM_GAP} (or the poll interval, if
 * shorter). Used by the poll thread only.
 */
final class PollPacing {
    /** The shortest time from the start of one poll to the start of the next. */
    static final Duration MINIMUM_GAP = Duration.ofSeconds(1);

    private final Duration interval;
    private final Duration longPollWait;
    private final Duration gap;
    private volatile Boolean held;

    PollPacing(Duration interval, Duration longPollWait) {
        this.interval = interval;
        this.longPollWait = longPollWait;
        this.gap = interval.compareTo(MINIMUM_GAP) < 0 ? interval : MINIMUM_GAP;
    }

    /** The wait the next poll asks the backend for. */
    Duration longPollWait() {
        return longPollWait;
    }

    /**
     * Whether the last unchanged answer was held by the backend (so long polls work); empty before the first
     * unchanged answer.
     */
    Optional<Boolean> held() {
        return Optional.ofNullable(held);
    }

    /**
     * A document came, {@code took} after the poll started: a new one, or ({@code repeated}) the one relay-client
     * has, which a backend that honours the entity tag never sends.
     */
    Duration afterDocument(Duration took, boolean repeated) {
        // The next poll long-polls for the change after this one: a change made meanwhile comes at once, and
        // changes in a row come one minimum gap apart (the entity tag, not the pace, tells them apart).
        return remaining(longPollWait.isZero() || repeated ? interval : gap, took);
    }

    /** The document is unchanged ({@code 304}), {@code took} after the poll started. */
    Duration afterNotModified(Duration took) {
        held = !longPollWait.isZero() && took.compareTo(longPollWait.dividedBy(2)) >= 0;
        return remaining(held ? gap : interval, took);
    }

    /** The poll failed; the backend or the route's backoff may say when to try again. */
    Duration afterFailure(Duration took, Duration retryAfter) {
        return retryAfter != null ? retryAfter : remaining(interval, took);
    }

    private static Duration remaining(Duration gap, Duration took) {
        Duration left = gap.minus(took);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
