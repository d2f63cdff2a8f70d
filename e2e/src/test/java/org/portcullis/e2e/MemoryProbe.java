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

    /**
     * Octets held.
     *
     * @param heap   the heap in use after a full collection
     * @param pooled the buffer allocator's pools, direct and heap
     */
    record Held(long heap, long pooled) {
        long total() {
            return heap + pooled;
        }
    }

    /** The sample holding the most of {@code samples} taken one after the other (each after its own collection). */
    static Held peak(int samples) {
        Held peak = held();
        for (int i = 1; i < samples; i++) {
            Held next = held();
            peak = next.total() > peak.total() ? next : peak;
        }
        return peak;
    }

    /** Octets held now. */
    static Held held() {
        // A request, not a promise; on the JVMs this runs on (G1, no -XX:+DisableExplicitGC) a full collection.
        System.gc();
        return new Held(MEMORY.getHeapMemoryUsage().getUsed(),
                ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider
                        ? pooled(provider.metric()) : 0);
    }

    private static long pooled(ByteBufAllocatorMetric metric) {
        return metric.usedDirectMemory() + metric.usedHeapMemory();
    }
}
