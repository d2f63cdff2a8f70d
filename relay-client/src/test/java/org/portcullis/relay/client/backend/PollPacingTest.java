package org.portcullis.relay.client.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollPacingTest {
    private static final Duration INTERVAL = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(55);

    @Test
    void aHeldLongPollIsFollowedAtOnce() {
        PollPacing pacing = new PollPacing(INTERVAL, WAIT);
        assertEquals(Duration.ZERO, pacing.afterNotModified(WAIT));
        assertTrue(pacing.held());
    }

    @Test
    void anUnchangedAnswerThatCameAtOnceMeansTheBackendDoesNotHoldSoThePollIntervalApplies() {
        PollPacing pacing = new PollPacing(INTERVAL, WAIT);
        assertEquals(INTERVAL.minusMillis(40), pacing.afterNotModified(Duration.ofMillis(40)));
        assertFalse(pacing.held());
    }

    @Test
    void aNewDocumentIsFollowedByALongPollAfterTheMinimumGapButTwoInARowSetTheSlowPace() {
        PollPacing pacing = new PollPacing(INTERVAL, WAIT);
        assertEquals(PollPacing.MINIMUM_GAP.minusMillis(30), pacing.afterDocument(Duration.ofMillis(30)));
        assertEquals(INTERVAL.minusMillis(30), pacing.afterDocument(Duration.ofMillis(30)));
        pacing.afterNotModified(WAIT);
        assertEquals(PollPacing.MINIMUM_GAP.minusMillis(30), pacing.afterDocument(Duration.ofMillis(30)));
    }

    @Test
    void withoutLongPollsEveryAnswerWaitsThePollInterval() {
        PollPacing pacing = new PollPacing(INTERVAL, Duration.ZERO);
        assertEquals(INTERVAL.minusMillis(20), pacing.afterDocument(Duration.ofMillis(20)));
        assertEquals(INTERVAL.minusMillis(20), pacing.afterNotModified(Duration.ofMillis(20)));
        assertFalse(pacing.held());
    }

    @Test
    void aFailureWaitsWhatTheRouteOrTheBackendSaysElseThePollInterval() {
        PollPacing pacing = new PollPacing(INTERVAL, WAIT);
        assertEquals(Duration.ofSeconds(4), pacing.afterFailure(Duration.ofMillis(5), Duration.ofSeconds(4)));
        assertEquals(INTERVAL.minusSeconds(10), pacing.afterFailure(Duration.ofSeconds(10), null));
        assertEquals(Duration.ZERO, pacing.afterFailure(Duration.ofSeconds(90), null), "never negative");
    }

    @Test
    void aPollIntervalShorterThanTheMinimumGapIsTheGap() {
        PollPacing pacing = new PollPacing(Duration.ofMillis(100), Duration.ofMillis(400));
        assertEquals(Duration.ofMillis(100), pacing.afterDocument(Duration.ZERO));
        assertEquals(Duration.ZERO, pacing.afterNotModified(Duration.ofMillis(400)));
    }
}
