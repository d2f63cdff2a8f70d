package org.portcullis.e2e;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * What this JVM holds: the heap in use right after a full collection (so garbage does not count) plus what Netty's
 * buffer allocator has taken from the system for pooled buffers, where relayed octets wait. Everything of the relay
 * path in this JVM counts: relay-server, relay-client and the reference peers, and the leak detector's records of
 * live buffers (paranoid in tests).
 */
final class MemoryProbe {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private MemoryProbe() {
    }

    /** The most held in {@code samples} samples taken one after the other (each after its own collection). */
    static long peak(int samples) {
        long peak = 0;
        for (int i = 0; i < samples; i++) {
            peak = Math.max(peak, held());
        }
        return peak;
    }

    /** Octets held now: heap after a full collection, plus the buffer allocator's pools. */
    static long held() {
        // A request, not a promise; on the JVMs this runs on (G1, no -XX:+DisableExplicitGC) a full collection.
        System.gc();
        long heap = MEMORY.getHeapMemoryUsage().getUsed();
        return heap + (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider
                ? pooled(provider.metric()) : 0);
    }

    private static long pooled(ByteBufAllocatorMetric metric) {
        return metric.usedDirectMemory() + metric.usedHeapMemory();
    }
}
