package org.portcullis.backend.http;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTPS listener of the API.
 *
 * @param listen where to listen, default 0.0.0.0:{@value #DEFAULT_PORT} (port 0: any free port, for tests)
 * @param certificateChain the PEM certificate chain the API presents, leaf first
 * @param privateKey its PEM private key (PKCS#8, or PKCS#1/SEC 1)
 * @param maxBodyBytes the largest request body accepted, default 64 KiB (larger ones get 413)
 * @param idleTimeout a connection without traffic for this long is closed, default 120 s (longer than a long-poll)
 * @param maxWait the longest long-poll, default 60 s
 */
public record ApiSettings(InetSocketAddress listen, Path certificateChain, Path privateKey, int maxBodyBytes,
                          Duration idleTimeout, Duration maxWait) {
    /** The default port. */
    public static final int DEFAULT_PORT = 8443;
    /** The default body limit. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** The default idle timeout. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);
    /** The default and largest long-poll wait. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);

    public ApiSettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        if (idleTimeout.compareTo(maxWait) <= 0) {
            throw new IllegalArgumentException("the idle timeout must be longer than the longest long-poll");
        }
    }

    /** Settings with the documented defaults. */
    public static ApiSettings of(InetSocketAddress listen, Path certificateChain, Path privateKey) {
        return new ApiSettings(listen, certificateChain, privateKey, DEFAULT_MAX_BODY_BYTES, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_MAX_WAIT);
    }
}
