package org.portcullis.relay.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.Link;
import org.portcullis.link.LinkConnector;
import org.portcullis.relay.client.config.ConfigSource;
import org.portcullis.relay.client.config.LoadedConfig;
import org.portcullis.relay.client.inside.InsideConnector;
import org.portcullis.relay.client.inside.InsideTarget;
import org.portcullis.relay.client.link.ClientLinkListener;
import org.portcullis.relay.client.link.ConfigPush;
import org.portcullis.relay.client.route.RouteListeners;

/**
 * relay-client, the inside tier (DESIGN.md): keeps the link to relay-server up, pushes the configuration on every
 * link up and on every change, carries incoming sessions to the inside OFTP2 daemon and outgoing sessions from the
 * routes' ports. Usable in-JVM: construct, {@link #start()}, {@link #close()}.
 */
public final class RelayClient implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    /** The event loops of the link, the inside connections and the route listeners: sized for two cores. */
    private static final int EVENT_LOOPS = 2;
    /** How long closing waits for the link's goodbye to go out. */
    private static final Duration LINK_CLOSE_WAIT = Duration.ofSeconds(2);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(EVENT_LOOPS, NioIoHandler.newFactory());
    private final ConfigSource configSource;
    private final RouteListeners routes;
    private final LinkConnector connector;
    private volatile InsideTarget inside;

    /** Wires the parts; nothing runs until {@link #start()}. */
    public RelayClient(RelayClientSettings settings, ConfigSource configSource) {
        this.configSource = configSource;
        InsideConnector insideConnector = new InsideConnector(group, () -> inside, settings.ssrmTimeout());
        this.connector = new LinkConnector(group, settings.server(), settings.localAddress(), settings.credentials(),
                settings.link(), settings.backoff(), new ClientLinkListener(configSource::current,
                insideConnector::connect));
        this.routes = new RouteListeners(group, () -> connector.current().orElse(null));
    }

    /** Opens the route listeners, starts watching the configuration and dials relay-server; call off event loops. */
    public void start() throws InterruptedException {
        LoadedConfig config = configSource.current();
        inside = InsideTarget.resolve(config.config().inside());
        routes.apply(config.config().routes());
        configSource.start(this::apply);
        connector.start();
        LOG.info("relay-client started with configuration revision {}", config.config().revision());
    }

    /** Where the named route listens, if it does (its real port when the configuration says 0). */
    public Optional<InetSocketAddress> routeAddress(String routeName) {
        return routes.localAddress(routeName);
    }

    /** The link to relay-server while it is up. */
    public Optional<Link> link() {
        return connector.current();
    }

    /** Stops watching, closes the link (its streams end) and the route listeners, and stops the event loops. */
    @Override
    public void close() {
        configSource.close();
        Optional<Link> link = connector.current();
        connector.close();
        // GO_AWAY goes out before the event loops stop, so relay-server hears a clean goodbye.
        link.ifPresent(closing -> awaitClosed(closing));
        routes.close();
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        LOG.info("relay-client stopped");
    }

    private static void awaitClosed(Link link) {
        try {
            link.closeFuture().get(LINK_CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("[{}] link did not close cleanly: {}", link.id(), e.toString());
        }
    }

    /** A new good configuration, on the config source's thread: used here and pushed to relay-server. */
    private void apply(LoadedConfig config) {
        inside = InsideTarget.resolve(config.config().inside());
        try {
            routes.apply(config.config().routes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        connector.current().filter(Link::isActive).ifPresent(link -> ConfigPush.push(link, config));
    }
}
