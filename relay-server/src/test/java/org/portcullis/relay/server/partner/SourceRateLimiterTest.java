package org.portcullis.relay.server.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SourceRateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SourceRateLimiter limiter = new SourceRateLimiter(now::get);
    private final InetAddress source = InetAddress.getLoopbackAddress();

    @Test
    void acceptsTheLimitPerMinuteThenRefusesUntilTimeEarnsConnectionsBack() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.admit(source, 3));
        }
        assertFalse(limiter.admit(source, 3));
        assertFalse(limiter.admit(source, 3));
        assertTrue(limiter.admit(InetAddress.getByName("192.0.2.7"), 3), "another source has its own");

        now.addAndGet(TimeUnit.SECONDS.toNanos(20));
        assertTrue(limiter.admit(source, 3), "a third of a minute earns one connection back");
        assertFalse(limiter.admit(source, 3));

        now.addAndGet(TimeUnit.SECONDS.toNanos(40));
        assertTrue(limiter.admit(source, 3), "two thirds of a minute earn two connections");
        assertTrue(limiter.admit(source, 3));
        assertFalse(limiter.admit(source, 3));
    }

    @Test
    void quietSourcesAreDroppedOnceManyAreHeld() throws Exception {
        for (int i = 0; i <= SourceRateLimiter.SWEEP_THRESHOLD; i++) {
            byte[] address = {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i};
            limiter.admit(InetAddress.getByAddress(address), 5);
        }
        now.addAndGet(TimeUnit.MINUTES.toNanos(1));
        limiter.admit(source, 5);
        assertEquals(1, limiter.sources());
    }
}
