package org.portcullis.proxy.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link OutboundClient} connects.
 *
 * @param connectTimeout    TCP connect timeout, to a proxy or the backend, default 10 s
 * @param socketTimeout     the longest silence on an open connection (CONNECT answer, TLS, response), default
 *                          30 s; a request may ask for more (a long poll)
 * @param connectionTtl     how long a kept-alive connection is reused before it is replaced, default 3600 s
 *                          (one TLS handshake an hour at one call a minute)
 * @param validateAfterIdle a pooled connection idle this long is checked before reuse, default 2 s
 * @param maxBodyBytes      the largest response body accepted, default 16 MiB
 * @param trustedCas        a PEM file of the CA certificates the backend (and any https proxy) must chain to,
 *                          or null for the system's trust store
 * @param retry             the waits after every route failed, default {@link RetryBackoff#defaults()}
 */
public record OutboundSettings(Duration connectTimeout, Duration socketTimeout, Duration connectionTtl,
        Duration validateAfterIdle, int maxBodyBytes, Path trustedCas, RetryBackoff retry) {
    /** Default TCP connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default socket timeout. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(30);
    /** Default time-to-live of a kept-alive connection. */
    public static final Duration DEFAULT_CONNECTION_TTL = Duration.ofSeconds(3600);
    /** Default idle time after which a pooled connection is checked before reuse. */
    public static final Duration DEFAULT_VALIDATE_AFTER_IDLE = Duration.ofSeconds(2);
    /** Default cap on a response body. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

    public OutboundSettings {
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(socketTimeout, "socket timeout");
        requirePositive(connectionTtl, "connection time-to-live");
        requirePositive(validateAfterIdle, "validate-after-idle time");
        Objects.requireNonNull(retry, "retry");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit must be positive");
        }
    }

    /** Every default; the backend trusted through {@code trustedCas}, or the system trust store when null. */
    public static OutboundSettings defaults(Path trustedCas) {
        return new OutboundSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_SOCKET_TIMEOUT, DEFAULT_CONNECTION_TTL,
                DEFAULT_VALIDATE_AFTER_IDLE, DEFAULT_MAX_BODY_BYTES, trustedCas, RetryBackoff.defaults());
    }

    /** The same with other connect and socket timeouts. */
    public OutboundSettings withTimeouts(Duration connect, Duration socket) {
        return new OutboundSettings(connect, socket, connectionTtl, validateAfterIdle, maxBodyBytes, trustedCas, retry);
    }

    /** The same with another cap on a response body. */
    public OutboundSettings withMaxBodyBytes(int bytes) {
        return new OutboundSettings(connectTimeout, socketTimeout, connectionTtl, validateAfterIdle, bytes, trustedCas,
                retry);
    }

    /** The same with another connection time-to-live. */
    public OutboundSettings withConnectionTtl(Duration ttl) {
        return new OutboundSettings(connectTimeout, socketTimeout, ttl, validateAfterIdle, maxBodyBytes, trustedCas, retry);
    }

    /** The same with another retry backoff. */
    public OutboundSettings withRetry(RetryBackoff backoff) {
        return new OutboundSettings(connectTimeout, socketTimeout, connectionTtl, validateAfterIdle, maxBodyBytes,
                trustedCas, backoff);
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive");
        }
    }
}
