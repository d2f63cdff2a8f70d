package org.portcullis.config;

import java.time.Duration;

/**
 * Time limits per phase of a session on relay-server.
 *
 * @param tlsHandshake the TLS handshake must complete within this, default 10 s
 * @param ssid the partner's SSID must arrive within this after SSRM, default 30 s
 * @param idle a session with no byte in either direction for this long is ended, default 5 min
 */
public record TimeoutConfig(Duration tlsHandshake, Duration ssid, Duration idle) {
    /** The default TLS handshake timeout. */
    public static final Duration DEFAULT_TLS_HANDSHAKE = Duration.ofSeconds(10);
    /** The default SSID timeout. */
    public static final Duration DEFAULT_SSID = Duration.ofSeconds(30);
    /** The default idle timeout. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(5);

    /** Checks that every timeout is positive. */
    public TimeoutConfig {
        Durations.checkPositive(tlsHandshake, "tlsHandshake");
        Durations.checkPositive(ssid, "ssid");
        Durations.checkPositive(idle, "idle");
    }

    /** The documented defaults. */
    public static TimeoutConfig defaults() {
        return new TimeoutConfig(DEFAULT_TLS_HANDSHAKE, DEFAULT_SSID, DEFAULT_IDLE);
    }
}
