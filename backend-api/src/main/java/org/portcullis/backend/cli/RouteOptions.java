package org.portcullis.backend.cli;

import org.portcullis.config.Addresses;
import org.portcullis.config.ListenerConfig;
import org.portcullis.config.RouteConfig;
import picocli.CommandLine.Option;

/** The options of {@code route add} and {@code route update}: each one given replaces that field. */
public final class RouteOptions {
    @Option(names = "--partner", paramLabel = "ODETTE_ID", description = "the Odette ID of the partner reached")
    String partner;

    @Option(names = "--host", paramLabel = "HOST", description = "the partner's host name or IP address")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "the partner's OFTP2-over-TLS port (default 6619)")
    Integer port;

    @Option(names = "--listen-address", paramLabel = "IP",
            description = "where relay-client listens for the inside daemon (default 127.0.0.1)")
    String listenAddress;

    @Option(names = "--listen-port", paramLabel = "PORT", description = "relay-client's local port (default 65433)")
    Integer listenPort;

    @Option(names = "--egress-proxy", paramLabel = "URL", description = "an HTTP CONNECT proxy, http://host:port")
    String egressProxy;

    @Option(names = "--no-egress-proxy", description = "(update) connect to the partner directly")
    boolean noEgressProxy;

    /** A new route of this name from the options; --partner and --host are required. */
    RouteConfig create(String name) {
        if (partner == null || host == null) {
            throw AdminException.badInput("a new route needs --partner and --host");
        }
        return check(new RouteConfig(name, listenAddress != null ? listenAddress : RouteConfig.DEFAULT_LISTEN_ADDRESS,
                listenPort != null ? listenPort : RouteConfig.DEFAULT_LISTEN_PORT, partner, host,
                port != null ? port : ListenerConfig.DEFAULT_PORT, egressProxy));
    }

    /** The route with the fields these options give replaced. */
    RouteConfig applyTo(RouteConfig route) {
        return check(new RouteConfig(route.name(), listenAddress != null ? listenAddress : route.listenAddress(),
                listenPort != null ? listenPort : route.listenPort(),
                partner != null ? partner : route.partnerOdetteId(),
                host != null ? host : route.partnerHost(), port != null ? port : route.partnerPort(),
                noEgressProxy ? null : egressProxy != null ? egressProxy : route.egressProxy()));
    }

    private static RouteConfig check(RouteConfig route) {
        Addresses.parseHostPort(route.partnerHost(), route.partnerPort());
        route.egressProxyAddress();
        return route;
    }
}
