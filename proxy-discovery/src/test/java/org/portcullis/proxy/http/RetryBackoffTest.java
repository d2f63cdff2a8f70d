package org.portcullis.proxy.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(60), 0.2);

    @Test
    void doublesUpToTheCapWithJitter() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 1; round <= 40; round++) {
            double base = Math.min(2.0 * Math.pow(2, round - 1), 60);
            double seconds = backoff.delay(round, random).toNanos() / 1e9;
            assertTrue(seconds >= base * 0.8 - 1e-6 && seconds <= Math.min(base * 1.2, 60) + 1e-6,
                    "round " + round + ": " + seconds);
        }
    }

    @Test
    void neverExceedsTheCap() {
        assertEquals(Duration.ofSeconds(60), new RetryBackoff(Duration.ofSeconds(60), Duration.ofSeconds(60), 0.5)
                .delay(3, new FixedRandom(1.0)));
    }

    @Test
    void cappedAtAPollIntervalWaitsNoLongerThanIt() {
        RetryBackoff capped = RetryBackoff.defaults().cappedAt(Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(60), capped.delay(20, new FixedRandom(1.0)));
        assertEquals(RetryBackoff.defaults().delay(2, new FixedRandom(0.5)), capped.delay(2, new FixedRandom(0.5)));
        RetryBackoff tight = RetryBackoff.defaults().cappedAt(Duration.ofSeconds(1));
        assertEquals(Duration.ofSeconds(1), tight.delay(1, new FixedRandom(0.5)));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
    }

    private record FixedRandom(double value) implements RandomGenerator {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return value;
        }
    }
}
