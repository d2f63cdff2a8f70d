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

    /** The mutable state of one source, changed only inside {@link ConcurrentHashMap#compute}. */
    private static final class Bucket {
        double tokens;
        long refilled;
        boolean accepted;
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

    /** Counts a new connection from {@code source} against {@code perMinute}: whether it may proceed. */
    public boolean admit(InetAddress source, int perMinute) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > SWEEP_THRESHOLD) {
            sweep(now, perMinute);
        }
        // The verdict is taken inside compute: the bucket may change as soon as compute returns.
        boolean[] accepted = new boolean[1];
        buckets.compute(source, (address, bucket) -> {
            Bucket taken = take(bucket, now, perMinute);
            accepted[0] = taken.accepted;
            return taken;
        });
        return accepted[0];
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
        }
        refill(bucket, now, perMinute);
        bucket.accepted = bucket.tokens >= 1;
        if (bucket.accepted) {
            bucket.tokens -= 1;
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
