package org.portcullis.relay.server.session;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the sessions running, incoming and outgoing, against the configured maximum (ESID 08 beyond it). */
public final class SessionLimiter {
    private final AtomicInteger active = new AtomicInteger();

    /** Takes a slot if fewer than {@code max} are taken; thread-safe. */
    public boolean tryAcquire(int max) {
        while (true) {
            int now = active.get();
            if (now >= max) {
                return false;
            }
            if (active.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives a slot back. */
    public void release() {
        active.decrementAndGet();
    }

    /** The sessions running now. */
    public int active() {
        return active.get();
    }
}
