package org.portcullis.relay.client.route;

import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.Addresses;
import org.portcullis.config.RouteConfig;
import org.portcullis.link.Link;
import org.portcullis.relay.client.stream.ClientSessions;

/**
 * The listeners of all outgoing routes, kept in step with the configuration: a new configuration opens the
 * listeners of new routes and closes those of removed or moved ones, without touching running sessions.
 * Binding blocks, so {@link #apply} runs off the event loops.
 */
public final class RouteListeners implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final EventLoopGroup group;
    private final Supplier<Link> links;
    private final ClientSessions sessions;
    private final Map<String, RouteServer> servers = new LinkedHashMap<>();
    private boolean closed;

    /**
     * @param group    the event loops of the listeners and their connections
     * @param links    the current link to relay-server, or {@code null} while there is none
     * @param sessions where the sessions are listed
     */
    public RouteListeners(EventLoopGroup group, Supplier<Link> links, ClientSessions sessions) {
        this.group = group;
        this.links = links;
        this.sessions = sessions;
    }

    /** Makes the listeners match {@code routes}; a route whose port cannot be bound is logged and skipped. */
    public synchronized void apply(List<RouteConfig> routes) throws InterruptedException {
        if (closed) {
            return;
        }
        Map<String, RouteConfig> wanted = new HashMap<>();
        routes.forEach(route -> wanted.put(route.name(), route));
        // Closed first, so a port that moves from one route to another is free when the other binds it.
        for (Iterator<Map.Entry<String, RouteServer>> it = servers.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, RouteServer> entry = it.next();
            RouteConfig route = wanted.get(entry.getKey());
            if (route == null || !route.listenSocketAddress().equals(entry.getValue().configuredAddress())) {
                entry.getValue().close();
                it.remove();
            }
        }
        for (RouteConfig route : routes) {
            if (!servers.containsKey(route.name())) {
                bind(route);
            }
        }
    }

    /** Where the named route listens, if it does. */
    public synchronized Optional<InetSocketAddress> localAddress(String routeName) {
        return Optional.ofNullable(servers.get(routeName)).map(RouteServer::localAddress);
    }

    /** Closes every listener, and a configuration opens none from now on; running sessions go on. */
    @Override
    public synchronized void close() {
        closed = true;
        servers.values().forEach(RouteServer::close);
        servers.clear();
    }

    private void bind(RouteConfig route) throws InterruptedException {
        try {
            servers.put(route.name(), RouteServer.bind(route, group, links, sessions));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // sync() rethrows the bind's own failure (a BindException, say) unwrapped.
            LOG.error("route {}: cannot listen on {}: {}", route.name(),
                    Addresses.display(route.listenSocketAddress()), e.toString());
        }
    }
}
