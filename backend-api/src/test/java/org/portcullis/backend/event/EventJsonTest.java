package org.portcullis.backend.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    @Test
    void readsAnEventAndCleansControlCharacters() {
        Event event = parse("{\"relay\": \"dmz-1\", \"severity\": \"warn\", \"message\": \"line one\\nline two\","
                + " \"time\": \"2025-05-01T14:00:00+02:00\", \"newField\": [1]}");

        assertEquals("dmz-1", event.relay());
        assertEquals(Severity.WARNING, event.severity());
        assertEquals("line one line two", event.message());
        assertEquals(Instant.parse("2025-05-01T12:00:00Z"), event.time());
        assertEquals("token-a", event.source());
    }

    @Test
    void namesEveryProblem() {
        IllegalArgumentException problems = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"relay\": 7, \"severity\": \"loud\", \"time\": \"12:00\"}"));

        for (String field : new String[] {"relay:", "severity:", "message:", "time:"}) {
            assertTrue(problems.getMessage().contains(field), problems.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> parse("[]"));
        assertThrows(IllegalArgumentException.class, () -> parse("{"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"a\": 1, \"a\": 2}"));
    }

    @Test
    void longMessagesAreCut() {
        Event event = new Event("r", Severity.INFO, "x".repeat(Event.MAX_MESSAGE + 10), Instant.EPOCH, "s");

        assertEquals(Event.MAX_MESSAGE, event.message().length());
    }

    private static Event parse(String json) {
        return EventJson.parse(json.getBytes(StandardCharsets.UTF_8), "token-a");
    }
}
