package org.portcullis.relay.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.Link;
import org.portcullis.link.LinkConnector;
import org.portcullis.link.TlsProvider;
import org.portcullis.relay.client.config.ConfigSource;
import org.portcullis.relay.client.config.LoadedConfig;
import org.portcullis.relay.client.inside.InsideConnector;
import org.portcullis.relay.client.inside.InsideTarget;
import org.portcullis.relay.client.link.ClientLinkListener;
import org.portcullis.relay.client.link.ConfigPush;
import org.portcullis.relay.client.route.RouteListeners;
import org.portcullis.relay.client.stream.ClientSessions;

/**
 * relay-client, the inside tier (DESIGN.md): keeps the link to relay-server up, pushes the configuration on every
 * link up and on every change, carries incoming sessions to the inside OFTP2 daemon and outgoing sessions from the
 * routes' ports, and hands what relay-server reports (CRL URLs, events) on. Usable in-JVM: construct,
 * {@link #start()}, {@link #close()}.
 */
public final class RelayClient implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    /**
     * The event loops of the link and the route listeners: sized for two cores. Inside connections of incoming
     * sessions run on the link's loop ({@link InsideConnector}).
     */
    private static final int EVENT_LOOPS = 2;
    /** How long closing waits for the link's goodbye to go out. */
    private static final Duration LINK_CLOSE_WAIT = Duration.ofSeconds(2);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(EVENT_LOOPS, NioIoHandler.newFactory());
    private final ConfigSource configSource;
    private final RouteListeners routes;
    private final LinkConnector connector;
    private final ClientSessions sessions = new ClientSessions();
    private final ClientLinkListener linkListener;
    private final TlsProvider tls;
    private volatile InsideTarget inside;
    private volatile Instant configAppliedAt;

    /** Wires the parts, relay-server's reports only logged; nothing runs until {@link #start()}. */
    public RelayClient(RelayClientSettings settings, ConfigSource configSource) {
        this(settings, configSource, report -> { });
    }

    /**
     * Wires the parts; nothing runs until {@link #start()}.
     *
     * @param reports takes relay-server's CRL_URLS and EVENT messages on the link's event loop; must not block
     */
    public RelayClient(RelayClientSettings settings, ConfigSource configSource, Consumer<ControlMessage> reports) {
        this.configSource = configSource;
        this.tls = settings.link().tlsProvider();
        InsideConnector insideConnector = new InsideConnector(() -> inside, settings.ssrmTimeout(), sessions);
        this.linkListener = new ClientLinkListener(configSource::current, insideConnector::connect, reports);
        this.connector = new LinkConnector(group, settings.server(), settings.localAddress(), settings.credentials(),
                settings.link(), settings.backoff(), linkListener);
        this.routes = new RouteListeners(group, () -> connector.current().orElse(null), sessions);
    }

    /**
     * Opens the route listeners, starts watching the configuration and dials relay-server; call off event loops.
     * Without a configuration yet (the backend not reached) the link comes up all the same and nothing is pushed
     * until the first one arrives.
     */
    public void start() throws InterruptedException {
        Optional<LoadedConfig> config = configSource.current();
        if (config.isPresent()) {
            inside = InsideTarget.resolve(config.get().config().inside());
            routes.apply(config.get().config().routes());
            configAppliedAt = Instant.now();
        }
        configSource.start(this::apply);
        connector.start();
        LOG.info("relay-client started with configuration revision {}; link TLS by {}",
                config.map(loaded -> loaded.config().revision()).orElse("none yet"), tls.describe());
    }

    /**
     * Status lines, name to value in order: the link, the configuration (source, revision, age, what relay-server
     * applied) and what the source adds (the backend's route in use, its counters).
     */
    public Map<String, String> status() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("link", connector.current().filter(Link::isActive)
                .map(link -> "up to " + link.remoteAddress()).orElse("down"));
        lines.putAll(configSource.status());
        lines.put("config.appliedByServer", linkListener.appliedRevision().orElse("none yet"));
        return lines;
    }

    /** Where the named route listens, if it does (its real port when the configuration says 0). */
    public Optional<InetSocketAddress> routeAddress(String routeName) {
        return routes.localAddress(routeName);
    }

    /** The link to relay-server while it is up. */
    public Optional<Link> link() {
        return connector.current();
    }

    /** When the configuration in force was applied; empty before the first one. */
    public Optional<Instant> configAppliedAt() {
        return Optional.ofNullable(configAppliedAt);
    }

    /** Where incoming sessions go, once started. */
    public Optional<InsideTarget> inside() {
        return Optional.ofNullable(inside);
    }

    /** The sessions carried now, for the control port. */
    public ClientSessions sessions() {
        return sessions;
    }

    /**
     * Stops taking new sessions: the configuration is no longer watched, the route listeners close, and incoming
     * streams relay-server opens now are reset. Sessions running go on over the link, which stays up; those still
     * running at {@code deadline} are ended, with ESID 05 to the partner. Blocks while
     * the listeners close: not on an event loop.
     *
     * @return completes once every session's inside connection has closed
     */
    public CompletableFuture<Void> drain(Duration deadline) {
        CompletableFuture<Void> drained = sessions.drain();
        configSource.close();
        routes.close();
        ScheduledFuture<?> cutOff = group.next().schedule(() -> {
            LOG.warn("drain deadline of {} ms passed: ending the sessions still running", deadline.toMillis());
            sessions.endAll("relay-client is shutting down");
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        drained.whenComplete((done, failure) -> cutOff.cancel(false));
        return drained;
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
        configAppliedAt = Instant.now();
        connector.current().filter(Link::isActive).ifPresent(link -> ConfigPush.push(link, config));
    }
}
