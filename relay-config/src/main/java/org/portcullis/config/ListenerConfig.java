package org.portcullis.config;

import java.net.InetSocketAddress;

/**
 * One public OFTP2-over-TLS listener of relay-server (RFC 5024 section 2.3: port 6619 by default).
 *
 * @param address an IP literal ("0.0.0.0", "::", "127.0.0.1"; "[::1]" is accepted and stored as "::1")
 * @param port the TCP port, 1-65535, default {@value #DEFAULT_PORT}
 */
public record ListenerConfig(String address, int port) {
    /** The port of OFTP2 over TLS. */
    public static final int DEFAULT_PORT = 6619;

    /** Normalises the address; refuses anything that is not an IP literal or a port out of range. */
    public ListenerConfig {
        address = Addresses.normaliseLiteral(address);
        Addresses.checkPort(port);
    }

    /** The address to bind. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(Addresses.parseLiteral(address), port);
    }
}
