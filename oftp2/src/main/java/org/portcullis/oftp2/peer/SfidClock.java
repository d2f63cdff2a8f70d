package org.portcullis.oftp2.peer;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Makes SFIDDATE and SFIDTIME (RFC 5024 §5.3.3): the date CCYYMMDD and the time HHMMSS followed by a
 * counter 0001..9999, so that files stamped in the same second still differ in identity.
 */
final class SfidClock {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final Clock clock;
    private int counter;

    SfidClock(Clock clock) {
        this.clock = clock;
    }

    /** A fresh identity stamp: {@code [date, time]}. */
    synchronized String[] next() {
        LocalDateTime now = LocalDateTime.now(clock);
        counter = counter % 9999 + 1;
        return new String[] {DATE.format(now), TIME.format(now) + String.format("%04d", counter)};
    }
}
