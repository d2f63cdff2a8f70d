package org.portcullis.backend.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {
    private final AtomicLong clock = new AtomicLong();
    private final FailureThrottle throttle = new FailureThrottle(new ThrottleSettings(3, Duration.ofSeconds(2), 4),
            clock::get);

    @Test
    void addressIsHeldBackOnceItsBurstIsSpentAndRefillsOverTime() throws Exception {
        InetAddress source = InetAddress.getByName("192.0.2.7");
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.retryAfter(source));
            throttle.failed(source);
        }

        assertEquals(Duration.ofSeconds(2), throttle.retryAfter(source));
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(Duration.ofSeconds(1), throttle.retryAfter(source));
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(Duration.ZERO, throttle.retryAfter(source));
        assertEquals(Duration.ZERO, throttle.retryAfter(InetAddress.getByName("192.0.2.8")), "others are not held");
    }

    @Test
    void ipv6SourcesCountPer64() throws Exception {
        for (int i = 1; i <= 3; i++) {
            throttle.failed(InetAddress.getByName("2001:db8:1:2::" + i));
        }

        assertTrue(throttle.retryAfter(InetAddress.getByName("2001:db8:1:2::ffff")).compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, throttle.retryAfter(InetAddress.getByName("2001:db8:1:3::1")));
    }

    @Test
    void memoryIsBoundedByTheMostAddressesRemembered() throws Exception {
        for (int i = 1; i <= 100; i++) {
            throttle.failed(InetAddress.getByName("198.51.100." + i));
        }

        assertEquals(4, throttle.size());
    }
}
