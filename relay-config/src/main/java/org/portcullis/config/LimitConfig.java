package org.portcullis.config;

/**
 * Limits relay-server enforces on incoming connections.
 *
 * @param maxSessions concurrent sessions (incoming and outgoing) beyond which a partner gets ESID 08
 *                    (RFC 5024 section 5.3.6), default {@value #DEFAULT_MAX_SESSIONS}
 * @param connectionsPerSourcePerMinute new connections accepted per source IP address per minute; more are
 *                                      closed before TLS, default {@value #DEFAULT_CONNECTIONS_PER_SOURCE_PER_MINUTE}
 * @param pendingPerSource connections from one source IP address not yet admitted (in the TLS handshake or
 *                         before their SSID was checked) at once; more are closed before TLS, default
 *                         {@value #DEFAULT_PENDING_PER_SOURCE}
 * @param pendingTotal connections from all sources not yet admitted at once; more are closed before TLS, default
 *                     {@value #DEFAULT_PENDING_TOTAL}
 */
public record LimitConfig(int maxSessions, int connectionsPerSourcePerMinute, int pendingPerSource,
        int pendingTotal) {
    /** The default concurrent session limit. */
    public static final int DEFAULT_MAX_SESSIONS = 1000;
    /** The default per-source connection rate. */
    public static final int DEFAULT_CONNECTIONS_PER_SOURCE_PER_MINUTE = 120;
    /** The default number of connections of one source not yet admitted. */
    public static final int DEFAULT_PENDING_PER_SOURCE = 20;
    /** The default number of connections of all sources not yet admitted. */
    public static final int DEFAULT_PENDING_TOTAL = 2000;

    /** Checks that every limit is positive. */
    public LimitConfig {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1");
        }
        if (connectionsPerSourcePerMinute < 1) {
            throw new IllegalArgumentException("connectionsPerSourcePerMinute must be at least 1");
        }
        if (pendingPerSource < 1) {
            throw new IllegalArgumentException("pendingPerSource must be at least 1");
        }
        if (pendingTotal < 1) {
            throw new IllegalArgumentException("pendingTotal must be at least 1");
        }
    }

    /** The two first limits, the connections not yet admitted at their defaults. */
    public LimitConfig(int maxSessions, int connectionsPerSourcePerMinute) {
        this(maxSessions, connectionsPerSourcePerMinute, DEFAULT_PENDING_PER_SOURCE, DEFAULT_PENDING_TOTAL);
    }

    /** The documented defaults. */
    public static LimitConfig defaults() {
        return new LimitConfig(DEFAULT_MAX_SESSIONS, DEFAULT_CONNECTIONS_PER_SOURCE_PER_MINUTE);
    }

    /** These limits with other caps on connections not yet admitted. */
    public LimitConfig withPending(int perSource, int total) {
        return new LimitConfig(maxSessions, connectionsPerSourcePerMinute, perSource, total);
    }
}
