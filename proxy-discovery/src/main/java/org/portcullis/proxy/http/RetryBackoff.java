package org.portcullis.proxy.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When every route has failed: the wait before the next try grows from {@code initial}, doubling per failed
 * round up to {@code max}, each wait spread by ± {@code jitter} so many relays do not retry in step.
 *
 * @param initial the wait after the first failed round
 * @param max     the cap (jitter never exceeds it)
 * @param jitter  the relative spread, 0 ≤ jitter &lt; 1
 */
public record RetryBackoff(Duration initial, Duration max, double jitter) {

    public RetryBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("retry backoff: 0 < initial ≤ max");
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("retry backoff: 0 ≤ jitter < 1");
        }
    }

    /** 2 s doubling to 5 minutes, ± 20 %. */
    public static RetryBackoff defaults() {
        return new RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 0.2);
    }

    /**
     * These waits, none longer than {@code cap}: a caller that polls every {@code cap} anyway gains nothing from
     * waiting longer after failures, and would come back that much later after the far end returns.
     */
    public RetryBackoff cappedAt(Duration cap) {
        Duration newMax = max.compareTo(cap) > 0 ? cap : max;
        Duration newInitial = initial.compareTo(newMax) > 0 ? newMax : initial;
        return new RetryBackoff(newInitial, newMax, jitter);
    }

    /** The wait after {@code failedRounds} rounds in a row in which every route failed (1 = the first). */
    public Duration delay(int failedRounds, RandomGenerator random) {
        int doublings = Math.max(0, Math.min(failedRounds - 1, 30));
        double base = Math.min((double) initial.toNanos() * (1L << doublings), max.toNanos());
        double spread = 1 + jitter * (2 * random.nextDouble() - 1);
        long nanos = (long) Math.min(base * spread, max.toNanos());
        return Duration.ofNanos(Math.max(nanos, 1));
    }
}
