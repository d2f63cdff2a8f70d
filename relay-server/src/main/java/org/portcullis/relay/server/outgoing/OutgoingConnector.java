package org.portcullis.relay.server.outgoing;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.NoopAddressResolverGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.ConfigException;
import org.portcullis.config.RouteConfig;
import org.portcullis.daemon.control.SessionTag;
import org.portcullis.link.LinkStream;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.relay.server.config.ActiveConfig;
import org.portcullis.relay.server.config.CurrentConfig;
import org.portcullis.relay.server.license.RunningLicense.SessionLimit;
import org.portcullis.relay.server.link.CrlUrlReporter;
import org.portcullis.relay.server.session.AuditRecord;
import org.portcullis.relay.server.session.AuditRecord.Verdict;
import org.portcullis.relay.server.session.RelaySession;
import org.portcullis.relay.server.session.SessionSupport;
import org.portcullis.relay.server.session.StbFrames;

/**
 * Carries an inside daemon's session out to the partner its route names (RFC 5024 §2.3, §4.2): from the
 * configured outgoing address, through the egress proxy where one is set, with TLS that verifies the partner's
 * certificate and host name; then relays with the same checks as an incoming session. A partner host outside
 * {@code outgoing.allowedHosts} is refused before any lookup or connection. The source-address check and name
 * lookups run on the blocking executor, never on an event loop. A session refused before it reaches the partner
 * (no such route, the license or the session limit, a host off the allow-list, a source address not of this host,
 * a name that does not resolve, no connection) leaves an audit record as a refused partner does.
 */
public final class OutgoingConnector {
    private static final Logger LOG = LogManager.getLogger();

    private final CurrentConfig current;
    private final SessionSupport support;
    private final CrlUrlReporter crls;
    private final Executor blocking;

    /** @param blocking a small bounded executor for the source-address check and DNS */
    public OutgoingConnector(CurrentConfig current, SessionSupport support, CrlUrlReporter crls, Executor blocking) {
        this.current = current;
        this.support = support;
        this.crls = crls;
        this.blocking = blocking;
    }

    /** relay-client opened an {@code OUTGOING} stream (on the link's event loop). */
    public void open(LinkStream stream) {
        Instant requested = Instant.now();
        SessionTag log = SessionTag.of(stream.open().sessionId());
        if (support.sessions().draining()) {
            LOG.warn("{} outgoing session refused: relay-server is shutting down", log);
            refuse(new OutgoingRefusal(stream, requested, null, null), "relay-server is shutting down");
            return;
        }
        Optional<ActiveConfig> active = current.get();
        Optional<RouteConfig> route = active.flatMap(config -> config.config().route(stream.open().routeName()));
        if (route.isEmpty()) {
            String reason = active.isEmpty() ? "no configuration yet" : "no route named " + stream.open().routeName();
            LOG.warn("{} outgoing session refused: {}", log, reason);
            stream.reset(active.isEmpty() ? "no configuration" : "unknown route");
            audit(new OutgoingRefusal(stream, requested, null, null), null, reason);
            return;
        }
        OutgoingTarget target = new OutgoingTarget(active.get(), route.get(), requested);
        Optional<String> lapsed = support.license().refuseNewSession(log);
        if (lapsed.isPresent()) {
            refuse(OutgoingRefusal.of(stream, target), lapsed.get());
            return;
        }
        SessionLimit limit = support.license().sessionLimit(active.get().config().limits().maxSessions());
        if (!support.limiter().tryAcquire(limit.max())) {
            LOG.warn("{} outgoing session on route {} refused: {}", log, route.get().name(), limit.reached());
            refuse(OutgoingRefusal.of(stream, target), limit.reached());
            return;
        }
        try {
            blocking.execute(() -> prepare(stream, target));
        } catch (RejectedExecutionException busy) {
            support.limiter().release();
            LOG.warn("{} outgoing session refused: relay-server is busy or shutting down", log);
            stream.reset("relay-server busy");
            audit(new OutgoingRefusal(stream, requested, route.get(), null), null,
                    "relay-server is busy or shutting down");
        }
    }

    /** ESID 08 to the inside daemon, which asked for the session, before any connection to the partner. */
    private void refuse(OutgoingRefusal refusal, String reason) {
        LinkStream stream = refusal.stream();
        stream.write(StbFrames.encode(ByteBufAllocator.DEFAULT, Esid.of(EsidReason.RESOURCES_NOT_AVAILABLE)));
        stream.close();
        audit(refusal, EsidReason.RESOURCES_NOT_AVAILABLE, reason);
    }

    /** On the blocking executor: the source address and the names, then the connection. */
    private void prepare(LinkStream stream, OutgoingTarget target) {
        SessionTag log = SessionTag.of(stream.open().sessionId());
        RouteConfig route = target.route();
        if (!target.active().config().outgoing().allowListFor(route).allows(route.partnerHost())) {
            LOG.error("{} outgoing session on route {} refused: partner host {} is not in outgoing.allowedHosts ({})",
                    log, route.name(), route.partnerHost(), target.active().config().outgoing().allowedHosts());
            giveUp(stream, target, "partner host " + route.partnerHost() + " not allowed", "partner host "
                    + route.partnerHost() + " is not in outgoing.allowedHosts");
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
            giveUp(stream, target, "outgoing source address not local", notLocal.getMessage());
        } catch (IllegalArgumentException unresolvable) {
            LOG.warn("{} outgoing session on route {} failed: {}", log, route.name(), unresolvable.getMessage());
            giveUp(stream, target, "partner not reachable", unresolvable.getMessage());
        } catch (RuntimeException bug) {
            LOG.error("{} outgoing session on route {} failed unexpectedly", log, route.name(), bug);
            giveUp(stream, target, "internal error", "internal error: " + bug);
        }
    }

    private void connect(LinkStream stream, OutgoingTarget target, InetSocketAddress source,
            InetSocketAddress partner, InetSocketAddress proxy) {
        OutgoingInitializer initializer = new OutgoingInitializer(target, stream, support, crls, proxy);
        int connectTimeout = (int) Math.min(Integer.MAX_VALUE,
                target.active().config().timeouts().tlsHandshake().toMillis());
        // Names were resolved above (off the event loop); through a proxy the partner's name stays a name.
        // On the link's event loop: the session's octets pass between the link and the partner with no thread hop
        // (the inside starts outgoing sessions, so their handshakes do not come in floods).
        ChannelFuture connect = new Bootstrap().group(stream.link().eventLoop()).channel(NioSocketChannel.class)
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
                    session.fail(Verdict.REFUSED, null, reason);
                } else {
                    giveUp(stream, target, "cannot connect to the partner", reason);
                }
            }
        });
    }

    /** Resets the stream with a short reason for relay-client; the audit record has the whole reason. */
    private void giveUp(LinkStream stream, OutgoingTarget target, String resetReason, String reason) {
        support.limiter().release();
        stream.reset(resetReason);
        audit(OutgoingRefusal.of(stream, target), null, reason);
    }

    private void audit(OutgoingRefusal refusal, EsidReason esidToInside, String reason) {
        support.audit().write(refusal.record(AuditRecord.Ending.byRelay(Verdict.REFUSED, esidToInside, reason)));
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
