package org.portcullis.relay.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RefusalLogTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final RefusalLog log = new RefusalLog(clock::get);

    @Test
    void logsABurstThenCountsTheRestAndNamesTheirNumberOnTheNextLine() {
        long logged = IntStream.range(0, 1000).mapToObj(i -> log.permit("none")).filter(Optional::isPresent).count();
        assertEquals(RefusalLog.BURST, logged, "a flood of one kind is logged for its burst only");

        clock.addAndGet(RefusalLog.REFILL.toNanos());
        Optional<String> next = log.permit("none");
        assertEquals(Optional.of(" (990 more refusals of kind none suppressed in the last 10 s)"), next);
        assertEquals(Optional.empty(), log.permit("none"), "one line per refill");
    }

    @Test
    void eachKindHasItsOwnBudget() {
        IntStream.range(0, 100).forEach(i -> log.permit("time_out"));
        assertEquals(Optional.of(""), log.permit("rate_limited"));
    }

    @Test
    void flushForgetsAKindOnceItsBudgetIsWholeAgain() {
        IntStream.range(0, RefusalLog.BURST + 5).forEach(i -> log.permit("none"));
        clock.addAndGet(RefusalLog.REFILL.toNanos());
        log.flush();
        // The flush logged the 5 suppressed; the next refusal has nothing to report.
        clock.addAndGet(RefusalLog.REFILL.toNanos() * RefusalLog.BURST);
        log.flush();
        Optional<String> next = log.permit("none");
        assertTrue(next.isPresent() && next.get().isEmpty(), next::toString);
    }
}
