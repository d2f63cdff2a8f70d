package org.portcullis.backend.token;

import java.time.Duration;

/**
 * How hard {@link FailureThrottle} slows down failed token checks.
 *
 * @param burst failed checks an address may make at once, default {@value #DEFAULT_BURST}
 * @param refill one more failed check is allowed per this period, default 1 s
 * @param maxAddresses addresses remembered at most (bounded memory), default {@value #DEFAULT_MAX_ADDRESSES}
 */
public record ThrottleSettings(int burst, Duration refill, int maxAddresses) {
    /** The default burst. */
    public static final int DEFAULT_BURST = 10;
    /** The default number of addresses remembered. */
    public static final int DEFAULT_MAX_ADDRESSES = 10_000;

    public ThrottleSettings {
        if (burst < 1 || maxAddresses < 1 || refill.isNegative() || refill.isZero()) {
            throw new IllegalArgumentException("burst and maxAddresses must be at least 1, refill positive");
        }
    }

    /** The documented defaults. */
    public static ThrottleSettings defaults() {
        return new ThrottleSettings(DEFAULT_BURST, Duration.ofSeconds(1), DEFAULT_MAX_ADDRESSES);
    }
}
