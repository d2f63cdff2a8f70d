package org.portcullis.backend.event;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IgnoreRuleTest {
    private static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");

    @Test
    void matchesASubstringIgnoringCaseWhileValid() {
        IgnoreRule rule = new IgnoreRule(1, "Maintenance", "planned", NOW.minusSeconds(60), NOW.plusSeconds(60));

        assertTrue(rule.matches("partner down: planned MAINTENANCE window", NOW));
        assertFalse(rule.matches("partner down", NOW));
        assertFalse(rule.matches("maintenance", NOW.minusSeconds(61)), "not yet valid");
        assertFalse(rule.matches("maintenance", NOW.plusSeconds(60)), "expired at validUntil");
        assertTrue(rule.isExpired(NOW.plusSeconds(60)));
    }

    @Test
    void openEndedRulesAndBadWindows() {
        assertTrue(new IgnoreRule(1, "x", "d", null, null).matches("X", NOW));
        assertFalse(new IgnoreRule(1, "x", "d", null, null).isExpired(Instant.MAX));
        assertThrows(IllegalArgumentException.class, () -> new IgnoreRule(1, " ", "d", null, null));
        assertThrows(IllegalArgumentException.class, () -> new IgnoreRule(1, "x", "d", NOW, NOW));
    }
}
