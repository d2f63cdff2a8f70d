package org.portcullis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsShortAndIsoForms() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(10), Durations.parse("10s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
        assertEquals(Duration.ofDays(2), Durations.parse("2d"));
        assertEquals(Duration.ofSeconds(10), Durations.parse("PT10S"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("PT1.5S"));
    }

    @Test
    void writesTheShortestExactForm() {
        assertEquals("500ms", Durations.format(Duration.ofMillis(500)));
        assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
        assertEquals("10s", Durations.format(Duration.ofSeconds(10)));
        assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("5m", Durations.format(Duration.ofMinutes(5)));
        assertEquals("1h", Durations.format(Duration.ofHours(1)));
        assertEquals("2d", Durations.format(Duration.ofDays(2)));
        for (String text : List.of("500ms", "10s", "5m", "1h", "2d", "1500ms")) {
            assertEquals(text, Durations.format(Durations.parse(text)));
        }
    }

    @Test
    void refusesOtherForms() {
        for (String text : List.of("", "10", "10 s", "1.5s", "10sec", "-5s", "s", "P", "PT", "1e3ms", "10S")) {
            assertThrows(IllegalArgumentException.class, () -> Durations.parse(text), text);
        }
    }
}
