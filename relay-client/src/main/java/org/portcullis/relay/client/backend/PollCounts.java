package org.portcullis.relay.client.backend;

import java.util.concurrent.atomic.AtomicLong;

/** Configuration polls since start and how they ended, for status output and tests. Thread-safe. */
final class PollCounts {
    final AtomicLong polls = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong documents = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong failures = new AtomicLong();

    @Override
    public String toString() {
        return polls.get() + " (" + unchanged.get() + " unchanged, " + documents.get() + " new, " + refused.get()
                + " refused as invalid, " + failures.get() + " failed)";
    }
}
