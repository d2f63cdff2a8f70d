package org.portcullis.relay.server.outgoing;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.NoopAddressResolverGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.ConfigException;
import org.portcullis.config.RouteConfig;
import org.portcullis.link.LinkStream;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.relay.server.config.ActiveConfig;
import org.portcullis.relay.server.config.CurrentConfig;
import org.portcullis.relay.server.license.RunningLicense.SessionLimit;
import org.portcullis.relay.server.link.CrlUrlReporter;
import org.portcullis.relay.server.session.AuditRecord.Verdict;
import org.portcullis.relay.server.session.RelaySession;
import org.portcullis.relay.server.session.SessionSupport;
import org.portcullis.relay.server.session.StbFrames;

/**
 * Carries an inside daemon's session out to the partner its route names (RFC 5024 §2.3, §4.2): from the
 * configured outgoing address, through the egress proxy where one is set, with TLS that verifies the partner's
 * certificate and host name; then relays with the same checks as an incoming session. A partner host outside
 * {@code outgoing.allowedHosts} is refused before any lookup or connection. The source-address check
 * and name lookups run on the blocking executor, never on an event loop.
 */
public final class OutgoingConnector {
    private static final Logger LOG = LogManager.getLogger();

    private final EventLoopGroup group;
    private final CurrentConfig current;
    private final SessionSupport support;
    private final CrlUrlReporter crls;
    private final Executor blocking;

    /** @param blocking a small bounded executor for the source-address check and DNS */
    public OutgoingConnector(EventLoopGroup group, CurrentConfig current, SessionSupport support, CrlUrlReporter crls,
            Executor blocking) {
        this.group = group;
        this.current = current;
        this.support = support;
        this.crls = crls;
        this.blocking = blocking;
    }

    /** relay-client opened an {@code OUTGOING} stream (on the link's event loop). */
    public void open(LinkStream stream) {
        String log = "[" + stream.open().sessionId() + "]";
        Optional<ActiveConfig> active = current.get();
        Optional<RouteConfig> route = active.flatMap(config -> config.config().route(stream.open().routeName()));
        if (route.isEmpty()) {
            LOG.warn("{} outgoing session refused: {}", log, active.isEmpty() ? "no configuration yet"
                    : "no route named " + stream.open().routeName());
            stream.reset(active.isEmpty() ? "no configuration" : "unknown route");
            return;
        }
        if (support.license().refuseNewSession(log).isPresent()) {
            refuse(stream);
            return;
        }
        SessionLimit limit = support.license().sessionLimit(active.get().config().limits().maxSessions());
        if (!support.limiter().tryAcquire(limit.max())) {
            LOG.warn("{} outgoing session on route {} refused: {}", log, route.get().name(), limit.reached());
            refuse(stream);
            return;
        }
        try {
            blocking.execute(() -> prepare(stream, new OutgoingTarget(active.get(), route.get())));
        } catch (RejectedExecutionException busy) {
            support.limiter().release();
            LOG.warn("{} outgoing session refused: relay-server is busy or shutting down", log);
            stream.reset("relay-server busy");
        }
    }

    /** ESID 08 to the inside daemon, which asked for the session, before any connection to the partner. */
    private static void refuse(LinkStream stream) {
        stream.write(StbFrames.encode(ByteBufAllocator.DEFAULT, Esid.of(EsidReason.RESOURCES_NOT_AVAILABLE)));
        stream.close();
    }

    /** On the blocking executor: the source address and the names, then the connection. */
    private void prepare(LinkStream stream, OutgoingTarget target) {
        String log = "[" + stream.open().sessionId() + "]";
        RouteConfig route = target.route();
        if (!target.active().config().outgoing().allowListFor(route).allows(route.partnerHost())) {
            LOG.error("{} outgoing session on route {} refused: partner host {} is not in outgoing.allowedHosts ({})",
                    log, route.name(), route.partnerHost(), target.active().config().outgoing().allowedHosts());
            giveUp(stream, "partner host " + route.partnerHost() + " not allowed");
            return;
        }
        try {
            InetSocketAddress source = SourceAddress.local(target.active().config().outgoing().sourceAddress());
            InetSocketAddress proxy = route.egressProxyAddress().map(OutgoingConnector::resolve).orElse(null);
            InetSocketAddress partner = proxy != null
                    ? InetSocketAddress.createUnresolved(route.partnerHost(), route.partnerPort())
                    : resolve(InetSocketAddress.createUnresolved(route.partnerHost(), route.partnerPort()));
            connect(stream, target, source, partner, proxy);
        } catch (ConfigException notLocal) {
            LOG.error("{} outgoing session on route {} refused, fix the configuration: {}", log, route.name(),
                    notLocal.getMessage());
            giveUp(stream, "outgoing source address not local");
        } catch (IllegalArgumentException unresolvable) {
            LOG.warn("{} outgoing session on route {} failed: {}", log, route.name(), unresolvable.getMessage());
            giveUp(stream, "partner not reachable");
        } catch (RuntimeException bug) {
            LOG.error("{} outgoing session on route {} failed unexpectedly", log, route.name(), bug);
            giveUp(stream, "internal error");
        }
    }

    private void connect(LinkStream stream, OutgoingTarget target, InetSocketAddress source,
            InetSocketAddress partner, InetSocketAddress proxy) {
        OutgoingInitializer initializer = new OutgoingInitializer(target, stream, support, crls, proxy);
        int connectTimeout = (int) Math.min(Integer.MAX_VALUE,
                target.active().config().timeouts().tlsHandshake().toMillis());
        // Names were resolved above (off the event loop); through a proxy the partner's name stays a name.
        ChannelFuture connect = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .resolver(NoopAddressResolverGroup.INSTANCE)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeout)
                .handler(initializer)
                .connect(partner, source);
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                RelaySession session = initializer.session();
                String reason = "cannot connect to " + target.route().partnerHost() + ":"
                        + target.route().partnerPort() + (proxy == null ? "" : " through " + proxy) + ": "
                        + done.cause().getMessage();
                if (session != null) {
                    session.opened();
                    session.fail(Verdict.ENDED, null, reason);
                } else {
                    giveUp(stream, reason);
                }
            }
        });
    }

    private void giveUp(LinkStream stream, String reason) {
        support.limiter().release();
        stream.reset(reason);
    }

    /** Looks a name up (blocking: the executor's thread only). */
    private static InetSocketAddress resolve(InetSocketAddress unresolved) {
        if (!unresolved.isUnresolved()) {
            return unresolved;
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(unresolved.getHostString()), unresolved.getPort());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve " + unresolved.getHostString() + ": " + e.getMessage(),
                    e);
        }
    }
}
