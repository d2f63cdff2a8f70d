package org.portcullis.relay.server.session;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The budget of log lines for refusals, so that a flood of bad connections cannot flood the log: per kind of
 * refusal (the refusal's metrics reason, e.g. {@code no_esid}, {@code time_out}, {@code rate_limited}) a token
 * bucket of {@value #BURST} lines that refills one line every {@link #REFILL}. A refusal over the budget is
 * counted, not logged; the next line of its kind says how many were suppressed and since when, and
 * {@link #flush} (every {@link #REFILL} on relay-server's timer) says so for a kind that went quiet. Thread-safe.
 */
public final class RefusalLog {
    /** Lines of one kind logged in a row before the budget applies. */
    public static final int BURST = 10;
    /** One more line of a kind is allowed this often: six a minute once the burst is spent. */
    public static final Duration REFILL = Duration.ofSeconds(10);

    private static final Logger LOG = LogManager.getLogger();

    /** The budget of one kind, changed only inside {@link ConcurrentHashMap#compute}. */
    private static final class Bucket {
        double tokens = BURST;
        long refilled;
        long suppressed;
        long suppressedSince;
    }

    private final Map<String, Bucket> kinds = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public RefusalLog() {
        this(System::nanoTime);
    }

    /** @param nanoTime the clock, for tests */
    RefusalLog(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * A refusal of {@code kind}: the note to append to its log line ({@code ""} or the count suppressed before
     * it) when it is to be logged, empty when it is over the budget and only counted.
     */
    public Optional<String> permit(String kind) {
        long now = nanoTime.getAsLong();
        // The note is taken inside compute: the bucket may change as soon as compute returns.
        String[] note = new String[1];
        kinds.compute(kind, (key, existing) -> take(key, existing, now, note));
        return Optional.ofNullable(note[0]);
    }

    /** Logs, for each kind with refusals suppressed and no line for {@link #REFILL}, how many they were. */
    public void flush() {
        long now = nanoTime.getAsLong();
        for (String kind : kinds.keySet()) {
            kinds.computeIfPresent(kind, (key, bucket) -> {
                refill(bucket, now);
                if (bucket.suppressed > 0 && bucket.tokens >= 1) {
                    LOG.warn("{} more refusals of kind {} suppressed in the last {} s", bucket.suppressed, key,
                            seconds(now - bucket.suppressedSince));
                    bucket.suppressed = 0;
                    bucket.tokens -= 1;
                }
                // A kind quiet long enough to have its whole burst back is forgotten: kinds are few, but a map
                // that only grows is not bounded memory.
                return bucket.suppressed == 0 && bucket.tokens >= BURST ? null : bucket;
            });
        }
    }

    private static Bucket take(String kind, Bucket existing, long now, String[] note) {
        Bucket bucket = existing;
        if (bucket == null) {
            bucket = new Bucket();
            bucket.refilled = now;
        }
        refill(bucket, now);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            note[0] = bucket.suppressed == 0 ? "" : " (" + bucket.suppressed + " more refusals of kind " + kind
                    + " suppressed in the last " + seconds(now - bucket.suppressedSince) + " s)";
            bucket.suppressed = 0;
        } else {
            if (bucket.suppressed == 0) {
                bucket.suppressedSince = now;
            }
            bucket.suppressed++;
        }
        return bucket;
    }

    private static void refill(Bucket bucket, long now) {
        double earned = (double) (now - bucket.refilled) / REFILL.toNanos();
        bucket.tokens = Math.min(BURST, bucket.tokens + earned);
        bucket.refilled = now;
    }

    private static long seconds(long nanos) {
        return Math.max(1, Math.round(nanos / 1e9));
    }
}
