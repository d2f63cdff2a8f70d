package org.portcullis.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The inside OFTP2 daemon that relay-client connects each accepted incoming session to.
 *
 * @param host its host name or IP literal, as seen from relay-client
 * @param port its TCP port, default {@value #DEFAULT_PORT}
 * @param connectTimeout how long relay-client waits for the TCP connection, default 10 s
 */
public record InsideConfig(String host, int port, Duration connectTimeout) {
    /** The port OFTP daemons commonly listen on without TLS (RFC 5024 section 2.3). */
    public static final int DEFAULT_PORT = 3305;
    /** The default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Checks the fields. */
    public InsideConfig {
        Objects.requireNonNull(host, "host");
        Addresses.checkPort(port);
        Durations.checkPositive(connectTimeout, "connectTimeout");
    }
}
