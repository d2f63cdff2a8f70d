package org.portcullis.backend.token;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows down token guessing: each source address has a bucket of {@code burst} failed token checks that refills
 * by one every {@code refill}. While its bucket is empty, an address gets no token check at all (the caller
 * answers 429 with the wait), so guessing runs at the refill rate. IPv6 sources count per /64, the block one
 * host usually holds. At most {@code maxAddresses} buckets are kept, the least recently used dropped first.
 *
 * <p>Thread-safe; every call is short and never blocks on I/O, so event loops may call it.
 */
public final class FailureThrottle {
    private final int burst;
    private final long refillNanos;
    private final Map<String, Bucket> buckets;
    private final LongSupplier nanoClock;

    /** A bucket's level at a moment. */
    private static final class Bucket {
        private double level;
        private long updated;

        Bucket(double level, long updated) {
            this.level = level;
            this.updated = updated;
        }
    }

    /**
     * A throttle.
     *
     * @param settings burst, refill period and the most addresses remembered
     * @param nanoClock System::nanoTime, or a test's clock
     */
    public FailureThrottle(ThrottleSettings settings, LongSupplier nanoClock) {
        this.burst = settings.burst();
        this.refillNanos = settings.refill().toNanos();
        this.nanoClock = nanoClock;
        int max = settings.maxAddresses();
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    /** How long the address must wait before its next token is checked; zero if it may be checked now. */
    public synchronized Duration retryAfter(InetAddress source) {
        Bucket bucket = buckets.get(key(source));
        if (bucket == null) {
            return Duration.ZERO;
        }
        refill(bucket);
        return bucket.level >= 1 ? Duration.ZERO : Duration.ofNanos((long) ((1 - bucket.level) * refillNanos));
    }

    /** Counts a failed token check from the address. */
    public synchronized void failed(InetAddress source) {
        Bucket bucket = buckets.computeIfAbsent(key(source), k -> new Bucket(burst, nanoClock.getAsLong()));
        refill(bucket);
        bucket.level = Math.max(0, bucket.level - 1);
    }

    /** How many addresses are remembered (bounded by maxAddresses). */
    public synchronized int size() {
        return buckets.size();
    }

    private void refill(Bucket bucket) {
        long now = nanoClock.getAsLong();
        bucket.level = Math.min(burst, bucket.level + (double) (now - bucket.updated) / refillNanos);
        bucket.updated = now;
    }

    private static String key(InetAddress source) {
        byte[] octets = source.getAddress();
        if (source instanceof Inet6Address) {
            return HexFormat.of().formatHex(Arrays.copyOf(octets, 8)) + "/64";
        }
        return source.getHostAddress();
    }
}
