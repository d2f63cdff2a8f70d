package org.portcullis.relay.server.partner;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The partner connections not yet admitted (in the TLS handshake or before their SSID was checked), per source
 * address and in total, so that silent, slow or garbage-sending callers hold a bounded share of the relay.
 * Thread-safe: every listener of the server shares one.
 */
public final class PendingConnections {
    /** Whether a new connection may wait for its admission. */
    public enum Verdict {
        /** It may; it holds a place until {@link #release}. */
        HELD,
        /** Its source already has as many connections waiting as it may. */
        SOURCE_FULL,
        /** As many connections wait as the relay holds. */
        TOTAL_FULL
    }

    private final ConcurrentHashMap<InetAddress, Integer> perSource = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    /** Takes a place for a connection of {@code source}, within {@code perSourceLimit} and {@code totalLimit}. */
    public Verdict hold(InetAddress source, int perSourceLimit, int totalLimit) {
        if (total.incrementAndGet() > totalLimit) {
            total.decrementAndGet();
            return Verdict.TOTAL_FULL;
        }
        boolean[] held = {false};
        perSource.compute(source, (address, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perSourceLimit) {
                return now;
            }
            held[0] = true;
            return now + 1;
        });
        if (!held[0]) {
            total.decrementAndGet();
            return Verdict.SOURCE_FULL;
        }
        return Verdict.HELD;
    }

    /** Gives back the place a connection of {@code source} held. */
    public void release(InetAddress source) {
        perSource.computeIfPresent(source, (address, count) -> count <= 1 ? null : count - 1);
        total.decrementAndGet();
    }

    /** Connections waiting now. */
    public int total() {
        return total.get();
    }

    /** Sources with a connection waiting now. */
    int sources() {
        return perSource.size();
    }
}
