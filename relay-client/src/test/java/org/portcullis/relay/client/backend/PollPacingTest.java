package org.portcullis.relay.client.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PollPacingTest {
    private static final Duration INTERVAL = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(55);

    @Test
    void aHeldLongPollIsFollowedAtOnce() {
        PollPacing pacing = new PollPacing(INTERVAL, WAIT);
        assertEquals(Duration.ZERO, pacing.afterNotModified(WAIT));
        assertEquals(Optional.of(true), pacing.held());
    }

    @Test
    void anUnchangedAnswerThatCameAtOnceMeansTheBackendDoesNotHoldSoThePollIntervalApplies() {
        PollPacing pacing = new PollPacing(INTERVAL, WAIT);
        assertEquals(INTERVAL.minusMillis(40), pacing.afterNotModified(Duration.ofMillis(40)));
        assertEquals(Optional.of(false), pacing.held());
    }

    @Test
    void aNewDocumentIsFollowedByALongPollAfterTheMinimumGap() {
        PollPacing pacing = new PollPacing(INTERVAL, WAIT);
        assertEquals(PollPacing.MINIMUM_GAP.minusMillis(30), pacing.afterDocument(Duration.ofMillis(30), false));
        assertEquals(Optional.empty(), pacing.held(), "not known before an unchanged answer");
    }

    @Test
    void changesInARowEachComeAfterTheMinimumGapHeldOrNot() {
        // The defect of the first demo: the second document in a row set the 60 s pace, so the third change waited.
        PollPacing pacing = new PollPacing(INTERVAL, WAIT);
        assertEquals(PollPacing.MINIMUM_GAP.minusMillis(30), pacing.afterDocument(Duration.ofMillis(30), false));
        assertEquals(Duration.ZERO, pacing.afterDocument(Duration.ofSeconds(20), false));
        assertEquals(PollPacing.MINIMUM_GAP.minusMillis(10), pacing.afterDocument(Duration.ofMillis(10), false));
        assertEquals(PollPacing.MINIMUM_GAP.minusMillis(10), pacing.afterDocument(Duration.ofMillis(10), false));
    }

    @Test
    void aBackendThatSendsTheSameDocumentAgainIsAskedOncePerPollInterval() {
        PollPacing pacing = new PollPacing(INTERVAL, WAIT);
        pacing.afterDocument(Duration.ofMillis(30), false);
        assertEquals(INTERVAL.minusMillis(30), pacing.afterDocument(Duration.ofMillis(30), true));
    }

    @Test
    void withoutLongPollsEveryAnswerWaitsThePollInterval() {
        PollPacing pacing = new PollPacing(INTERVAL, Duration.ZERO);
        assertEquals(INTERVAL.minusMillis(20), pacing.afterDocument(Duration.ofMillis(20), false));
        assertEquals(INTERVAL.minusMillis(20), pacing.afterNotModified(Duration.ofMillis(20)));
        assertEquals(Optional.of(false), pacing.held());
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
        assertEquals(Duration.ofMillis(100), pacing.afterDocument(Duration.ZERO, false));
        assertEquals(Duration.ZERO, pacing.afterNotModified(Duration.ofMillis(400)));
    }
}
