package org.portcullis.relay.server.partner;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * New connections per source address and minute: a token bucket per address that holds a minute's allowance
 * and refills continuously, so a source gets its limit in any 60 seconds but no burst beyond it. Buckets of
 * quiet sources are dropped once many are held. Thread-safe: every listener of the server shares one.
 */
public final class SourceRateLimiter {
    /** Above this many sources held, full buckets (sources quiet for a minute) are dropped. */
    static final int SWEEP_THRESHOLD = 10_000;
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    /**
     * What to do with a connection.
     *
     * @param accepted   whether it may proceed
     * @param log        whether this refusal is the one to log for its source this minute
     * @param suppressed refusals of this source not logged since the last line
     */
    public record Decision(boolean accepted, boolean log, long suppressed) {
    }

    /** The mutable state of one source, changed only inside {@link ConcurrentHashMap#compute}. */
    private static final class Bucket {
        double tokens;
        long refilled;
        long lastLogged;
        long unlogged;
        Decision decision;
    }

    private final ConcurrentHashMap<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public SourceRateLimiter() {
        this(System::nanoTime);
    }

    /** @param nanoTime the clock, for tests */
    SourceRateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Counts a new connection from {@code source} against {@code perMinute}. */
    public Decision admit(InetAddress source, int perMinute) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > SWEEP_THRESHOLD) {
            sweep(now, perMinute);
        }
        return buckets.compute(source, (address, bucket) -> take(bucket, now, perMinute)).decision;
    }

    /** Sources held now (for tests). */
    int sources() {
        return buckets.size();
    }

    private static Bucket take(Bucket existing, long now, int perMinute) {
        Bucket bucket = existing;
        if (bucket == null) {
            bucket = new Bucket();
            bucket.tokens = perMinute;
            bucket.refilled = now;
            bucket.lastLogged = now - MINUTE_NANOS;
        }
        refill(bucket, now, perMinute);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            bucket.decision = new Decision(true, false, 0);
        } else if (now - bucket.lastLogged >= MINUTE_NANOS) {
            bucket.decision = new Decision(false, true, bucket.unlogged);
            bucket.lastLogged = now;
            bucket.unlogged = 0;
        } else {
            bucket.unlogged++;
            bucket.decision = new Decision(false, false, bucket.unlogged);
        }
        return bucket;
    }

    private static void refill(Bucket bucket, long now, int perMinute) {
        double earned = (double) (now - bucket.refilled) * perMinute / MINUTE_NANOS;
        bucket.tokens = Math.min(perMinute, bucket.tokens + earned);
        bucket.refilled = now;
    }

    private void sweep(long now, int perMinute) {
        buckets.forEach((address, bucket) -> buckets.computeIfPresent(address, (key, held) -> {
            refill(held, now, perMinute);
            return held.tokens >= perMinute ? null : held;
        }));
    }
}
