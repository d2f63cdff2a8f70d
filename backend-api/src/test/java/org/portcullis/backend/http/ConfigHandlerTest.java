package org.portcullis.backend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigHandlerTest {
    private static final String ETAG = "\"abc\"";

    @Test
    void ifNoneMatchComparesTagsWeaklyAndAcceptsListsAndStar() {
        assertTrue(ConfigHandler.matches(ETAG, ETAG));
        assertTrue(ConfigHandler.matches("W/\"abc\"", ETAG));
        assertTrue(ConfigHandler.matches("\"x\", \"abc\"", ETAG));
        assertTrue(ConfigHandler.matches("*", ETAG));
        assertFalse(ConfigHandler.matches(null, ETAG));
        assertFalse(ConfigHandler.matches("abc", ETAG));
        assertFalse(ConfigHandler.matches("\"abd\"", ETAG));
    }

    @Test
    void waitParameterIsParsedAndCappedAtTheMaximum() {
        Duration max = Duration.ofSeconds(60);

        assertEquals(Duration.ZERO, LongPollWait.parse(null, max));
        assertEquals(Duration.ofSeconds(55), LongPollWait.parse("55s", max));
        assertEquals(Duration.ofSeconds(55), LongPollWait.parse("55", max));
        assertEquals(Duration.ofMillis(500), LongPollWait.parse("500ms", max));
        assertEquals(max, LongPollWait.parse("2m", max));
        assertEquals(max, LongPollWait.parse("3600s", max));
        assertThrows(IllegalArgumentException.class, () -> LongPollWait.parse("soon", max));
        assertThrows(IllegalArgumentException.class, () -> LongPollWait.parse("-1s", max));
        assertThrows(IllegalArgumentException.class, () -> LongPollWait.parse("1h", max));
    }

    @Test
    void bearerTokenIsTakenFromTheAuthorizationHeaderOnly() {
        assertEquals("abc", TokenAuthHandler.bearerToken("Bearer abc"));
        assertEquals("abc", TokenAuthHandler.bearerToken("bearer abc"));
        assertEquals(null, TokenAuthHandler.bearerToken("Basic abc"));
        assertEquals(null, TokenAuthHandler.bearerToken("Bearer "));
        assertEquals(null, TokenAuthHandler.bearerToken(null));
    }
}
