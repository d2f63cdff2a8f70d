package org.portcullis.relay.server.refusals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The time span a review covers, {@code since} included and {@code until} excluded.
 *
 * @param since the first instant
 * @param until the instant after the last
 */
record Period(Instant since, Instant until) {

    Period {
        if (!since.isBefore(until)) {
            throw new IllegalArgumentException("--since " + since + " is not before --until " + until);
        }
    }

    boolean contains(Instant time) {
        return !time.isBefore(since) && time.isBefore(until);
    }

    /**
     * The instant a command-line time names in the zone: {@code 2026-11-20} (the start of that day, or with
     * {@code endOfDay} the start of the next, so that {@code --until} a day includes it),
     * {@code 2026-11-20T08:00[:00]} (local time), or an instant with an offset ({@code 2026-11-20T07:00:00Z},
     * {@code 2026-11-20T08:00+01:00}).
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    static Instant parse(String text, ZoneId zone, boolean endOfDay) {
        try {
            if (text.length() == "2026-11-20".length()) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a date (2026-11-20), a local time "
                    + "(2026-11-20T08:00) or an instant (2026-11-20T07:00:00Z)", e);
        }
    }
}
