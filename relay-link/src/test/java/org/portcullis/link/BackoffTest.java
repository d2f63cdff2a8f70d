package org.portcullis.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = Backoff.defaults();

    @Test
    void doublesFromTheInitialDelayWithinTheJitter() {
        SplittableRandom random = new SplittableRandom(1);
        for (int attempt = 1; attempt <= 3; attempt++) {
            long base = 1000L << (attempt - 1);
            for (int i = 0; i < 200; i++) {
                long millis = backoff.next(attempt, random).toMillis();
                assertTrue(millis >= base * 0.8 - 1 && millis <= base * 1.2 + 1, attempt + ": " + millis);
            }
        }
    }

    @Test
    void neverExceedsTheCapEvenAfterManyAttempts() {
        SplittableRandom random = new SplittableRandom(2);
        long smallest = Long.MAX_VALUE;
        for (int attempt = 6; attempt < 10_000; attempt += 7) {
            long millis = backoff.next(attempt, random).toMillis();
            assertTrue(millis <= 5_000, "capped: " + millis);
            smallest = Math.min(smallest, millis);
        }
        assertTrue(smallest >= 4_000, "jitter spreads below the cap only: " + smallest);
    }

    @Test
    void withoutJitterTheDelaysAreExact() {
        Backoff exact = new Backoff(Duration.ofMillis(100), Duration.ofMillis(350), 0);
        SplittableRandom random = new SplittableRandom(3);
        assertEquals(Duration.ofMillis(100), exact.next(1, random));
        assertEquals(Duration.ofMillis(200), exact.next(2, random));
        assertEquals(Duration.ofMillis(350), exact.next(3, random));
        assertEquals(Duration.ofMillis(350), exact.next(Integer.MAX_VALUE, random));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1),
                0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1),
                1));
    }

    @Test
    void linkSettingsHaveTheDocumentedDefaultsAndRefuseNonsense() {
        LinkSettings defaults = LinkSettings.defaults();
        assertEquals(Duration.ofSeconds(5), defaults.heartbeatInterval());
        assertEquals(Duration.ofSeconds(15), defaults.heartbeatTimeout());
        assertEquals(1024 * 1024, defaults.streamWindow());
        assertEquals(10_000, defaults.maxStreams());
        assertEquals(Duration.ofSeconds(10), defaults.handshakeTimeout());
        assertThrows(IllegalArgumentException.class, () -> new LinkSettings(Duration.ofSeconds(5),
                Duration.ofSeconds(5), 256 * 1024, 1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new LinkSettings(Duration.ofSeconds(1),
                Duration.ofSeconds(5), 1024, 1, Duration.ofSeconds(1)));
    }
}
