package org.portcullis.config;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An outgoing route: the inside daemon connects to relay-client's local port {@code listenAddress:listenPort}
 * and the session is carried to the partner {@code partnerHost:partnerPort} by relay-server.
 *
 * @param name unique name of the route (shown in logs and status)
 * @param listenAddress IP literal relay-client listens on, default {@value #DEFAULT_LISTEN_ADDRESS}
 * @param listenPort the local port, default {@value #DEFAULT_LISTEN_PORT}; unique per listen address
 * @param partnerOdetteId the Odette ID of the partner this route reaches
 * @param partnerHost the partner's host name or IP literal; its TLS certificate must name it
 * @param partnerPort the partner's OFTP2-over-TLS port, default {@value ListenerConfig#DEFAULT_PORT}
 * @param egressProxy an HTTP CONNECT proxy "http://host:port" relay-server goes through, or null for none
 */
public record RouteConfig(String name, String listenAddress, int listenPort, String partnerOdetteId,
                          String partnerHost, int partnerPort, String egressProxy) {
    /** relay-client listens on loopback unless told otherwise. */
    public static final String DEFAULT_LISTEN_ADDRESS = "127.0.0.1";
    /** The default local port of a route. */
    public static final int DEFAULT_LISTEN_PORT = 65433;

    /** Normalises the listen address and checks the ports. */
    public RouteConfig {
        Objects.requireNonNull(name, "name");
        listenAddress = Addresses.normaliseLiteral(listenAddress);
        Addresses.checkPort(listenPort);
        Objects.requireNonNull(partnerOdetteId, "partnerOdetteId");
        Objects.requireNonNull(partnerHost, "partnerHost");
        Addresses.checkPort(partnerPort);
    }

    /** The address relay-client binds for this route. */
    public InetSocketAddress listenSocketAddress() {
        return new InetSocketAddress(Addresses.parseLiteral(listenAddress), listenPort);
    }

    /** The egress proxy as an unresolved host and port, if one is configured. */
    public Optional<InetSocketAddress> egressProxyAddress() {
        return egressProxy == null ? Optional.empty() : Optional.of(Addresses.parseHttpProxy(egressProxy));
    }
}
