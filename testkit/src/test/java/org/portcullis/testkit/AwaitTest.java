package org.portcullis.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void returnsOnceTheConditionHolds() {
        AtomicInteger checks = new AtomicInteger();

        Await.until(() -> checks.incrementAndGet() >= 3, TIMEOUT, "three checks");

        assertTrue(checks.get() >= 3);
    }

    @Test
    void failsNamingWhatItWaitedFor() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> Await.until(() -> false, Duration.ofMillis(20), "the door to open"));

        assertTrue(error.getMessage().contains("the door to open"), error.getMessage());
    }
}
