package org.portcullis.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waiting for a condition in tests (the only place a test polls; see STYLE.md rule 26). */
public final class Await {
    /** Between two checks: short enough to keep tests fast, long enough not to spin a core. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private Await() {
    }

    /**
     * Returns as soon as the condition holds, or throws an AssertionError naming {@code what} once the
     * timeout has passed. It parks the thread in small steps (LockSupport.parkNanos) rather than sleeping,
     * so interrupting the waiting thread ends the wait with an error instead of being ignored.
     */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupted while waiting for " + what);
            }
            LockSupport.parkNanos(Math.min(remaining, POLL_NANOS));
        }
    }
}
