package org.portcullis.link;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: exponential from {@code initial}, capped at {@code max}, each spread by ± {@code jitter}.
 *
 * @param initial the delay before the first retry
 * @param max     the cap (jitter never exceeds it)
 * @param jitter  the relative spread, 0 ≤ jitter &lt; 1
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff: 0 < initial ≤ max");
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("backoff: 0 ≤ jitter < 1");
        }
    }

    /**
     * 1 s doubling to 5 s, ± 20 %: one relay-client dials one relay-server, so trying every 5 s costs nothing,
     * and a restarted server is serving again within seconds instead of up to half a minute.
     */
    public static Backoff defaults() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0.2);
    }

    /** The delay before attempt {@code attempt} (1 = the first retry). */
    public Duration next(int attempt, RandomGenerator random) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        double base = Math.min((double) initial.toNanos() * (1L << doublings), max.toNanos());
        double spread = 1 + jitter * (2 * random.nextDouble() - 1);
        long nanos = (long) Math.min(base * spread, max.toNanos());
        return Duration.ofNanos(Math.max(nanos, 1));
    }
}
