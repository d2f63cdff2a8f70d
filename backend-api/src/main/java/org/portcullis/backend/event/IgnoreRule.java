package org.portcullis.backend.event;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A log-ignore rule: an event whose message contains {@code pattern} (ignoring case) while the rule is valid is
 * logged at INFO instead of running the event script. Expired rules are removed with a log line.
 *
 * @param id the rule's number
 * @param pattern the substring to look for, matched case-insensitively
 * @param description why the rule exists (shown when it matches and when it expires)
 * @param validFrom when it starts to apply, or null for at once
 * @param validUntil when it stops applying, or null for never
 */
public record IgnoreRule(long id, String pattern, String description, Instant validFrom, Instant validUntil) {
    public IgnoreRule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(description, "description");
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("an ignore pattern must not be blank");
        }
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("the rule must end (" + validUntil + ") after it starts (" + validFrom
                    + ")");
        }
    }

    /** True if the rule applies at that time and the message contains the pattern, ignoring case. */
    public boolean matches(String message, Instant now) {
        return appliesAt(now) && message.toLowerCase(Locale.ROOT).contains(pattern.toLowerCase(Locale.ROOT));
    }

    /** True if the rule's window includes the time. */
    public boolean appliesAt(Instant now) {
        return (validFrom == null || !now.isBefore(validFrom)) && !isExpired(now);
    }

    /** True once the rule's window has ended. */
    public boolean isExpired(Instant now) {
        return validUntil != null && !now.isBefore(validUntil);
    }
}
