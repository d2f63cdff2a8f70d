package org.portcullis.daemon.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.portcullis.daemon.control.LevelOverrides.Scope;

class LevelOverridesTest {
    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    private Instant now = NOW;
    private final LevelOverrides overrides = new LevelOverrides(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void appliesAPartnersLevelToItsSessionsOnly() {
        overrides.set(Scope.PARTNER, "PARTNER-A", Level.DEBUG, null);
        assertEquals(Level.DEBUG, overrides.levelFor(new SessionTag("s1", "PARTNER-A")));
        assertNull(overrides.levelFor(new SessionTag("s2", "PARTNER-B")));
        assertNull(overrides.levelFor(SessionTag.of("s3")), "a session whose partner is not known yet");
    }

    @Test
    void aSessionsLevelWinsOverItsPartners() {
        overrides.set(Scope.PARTNER, "PARTNER-A", Level.DEBUG, null);
        overrides.set(Scope.SESSION, "s1", Level.WARN, null);
        assertEquals(Level.WARN, overrides.levelFor(new SessionTag("s1", "PARTNER-A")));
        assertEquals(Level.WARN, overrides.levelFor(SessionTag.of("s1")));
        assertEquals(Level.DEBUG, overrides.levelFor(new SessionTag("s2", "PARTNER-A")));
    }

    @Test
    void aLevelEndsAtItsTimeAndIsThenRemoved() {
        overrides.set(Scope.PARTNER, "PARTNER-A", Level.TRACE, NOW.plus(Duration.ofMinutes(10)));
        overrides.set(Scope.SESSION, "s9", Level.DEBUG, null);
        now = NOW.plus(Duration.ofMinutes(10)).minusMillis(1);
        assertEquals(Level.TRACE, overrides.levelFor(new SessionTag("s1", "PARTNER-A")));
        assertTrue(overrides.removeExpired().isEmpty());
        now = NOW.plus(Duration.ofMinutes(10));
        assertNull(overrides.levelFor(new SessionTag("s1", "PARTNER-A")), "over at its instant, before the cleanup");
        List<LevelOverrides.Entry> removed = overrides.removeExpired();
        assertEquals(1, removed.size());
        assertEquals("partner PARTNER-A TRACE until 2025-06-01T10:10:00Z", removed.get(0).toString());
        assertEquals(1, overrides.entries().size(), "the session's level stays");
    }

    @Test
    void clearingRemovesTheLevel() {
        overrides.set(Scope.SESSION, "s1", Level.DEBUG, null);
        assertTrue(overrides.clear(Scope.SESSION, "s1").isPresent());
        assertTrue(overrides.isEmpty());
        assertTrue(overrides.clear(Scope.SESSION, "s1").isEmpty());
    }
}
