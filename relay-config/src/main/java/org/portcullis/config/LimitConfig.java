package org.portcullis.config;

/**
 * Limits relay-server enforces on incoming connections.
 *
 * @param maxSessions concurrent sessions (incoming and outgoing) beyond which a partner gets ESID 08
 *                    (RFC 5024 section 5.3.6), default {@value #DEFAULT_MAX_SESSIONS}
 * @param connectionsPerSourcePerMinute new connections accepted per source IP address per minute; more are
 *                                      closed before TLS, default {@value #DEFAULT_CONNECTIONS_PER_SOURCE_PER_MINUTE}
 */
public record LimitConfig(int maxSessions, int connectionsPerSourcePerMinute) {
    /** The default concurrent session limit. */
    public static final int DEFAULT_MAX_SESSIONS = 1000;
    /** The default per-source connection rate. */
    public static final int DEFAULT_CONNECTIONS_PER_SOURCE_PER_MINUTE = 120;

    /** Checks that both limits are positive. */
    public LimitConfig {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1");
        }
        if (connectionsPerSourcePerMinute < 1) {
            throw new IllegalArgumentException("connectionsPerSourcePerMinute must be at least 1");
        }
    }

    /** The documented defaults. */
    public static LimitConfig defaults() {
        return new LimitConfig(DEFAULT_MAX_SESSIONS, DEFAULT_CONNECTIONS_PER_SOURCE_PER_MINUTE);
    }
}
