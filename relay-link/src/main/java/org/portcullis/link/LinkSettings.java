package org.portcullis.link;

import java.time.Duration;
import java.util.Objects;

/**
 * The tunables of the link.
 *
 * @param heartbeatInterval how often each side sends PING (default 5 s)
 * @param heartbeatTimeout  no frame received for this long → link dead (default 15 s)
 * @param streamWindow      per-stream receive window in octets (default 1 MiB: one stream's throughput is at most
 *                          its window per round trip of credit, which a busy host stretches to milliseconds)
 * @param maxStreams        the most concurrent streams a side accepts (default 10 000)
 * @param handshakeTimeout  TLS handshake limit (default 10 s)
 * @param tlsProvider       the TLS implementation of the link, and of relay-server's partner connections (default
 *                          {@link TlsProvider#preferred()}: BoringSSL where its native library loads)
 */
public record LinkSettings(Duration heartbeatInterval, Duration heartbeatTimeout, int streamWindow, int maxStreams,
                           Duration handshakeTimeout, TlsProvider tlsProvider) {

    /** The smallest window: one full data frame must fit. */
    public static final int MIN_WINDOW = 16 * 1024;

    public LinkSettings {
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(tlsProvider, "tlsProvider");
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()
                || heartbeatTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("heartbeat: interval must be > 0 and < timeout");
        }
        if (streamWindow < MIN_WINDOW) {
            throw new IllegalArgumentException("streamWindow must be ≥ " + MIN_WINDOW);
        }
        if (maxStreams < 1) {
            throw new IllegalArgumentException("maxStreams must be ≥ 1");
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be > 0");
        }
    }

    /** With the preferred TLS provider. */
    public LinkSettings(Duration heartbeatInterval, Duration heartbeatTimeout, int streamWindow, int maxStreams,
                        Duration handshakeTimeout) {
        this(heartbeatInterval, heartbeatTimeout, streamWindow, maxStreams, handshakeTimeout,
                TlsProvider.preferred());
    }

    /** 5 s, 15 s, 1 MiB, 10 000, 10 s, the preferred TLS provider. */
    public static LinkSettings defaults() {
        return new LinkSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), 1024 * 1024, 10_000,
                Duration.ofSeconds(10));
    }

    /** These settings with another TLS provider. */
    public LinkSettings withTlsProvider(TlsProvider provider) {
        return new LinkSettings(heartbeatInterval, heartbeatTimeout, streamWindow, maxStreams, handshakeTimeout,
                provider);
    }
}
