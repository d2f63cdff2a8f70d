package org.portcullis.relay.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.Addresses;
import org.portcullis.daemon.tls.TlsPolicy;
import org.portcullis.link.Link;
import org.portcullis.link.LinkException;
import org.portcullis.link.LinkServer;
import org.portcullis.link.TlsProvider;
import org.portcullis.relay.server.config.ConfigApplier;
import org.portcullis.relay.server.config.CurrentConfig;
import org.portcullis.relay.server.link.CrlUrlReporter;
import org.portcullis.relay.server.link.InsideLink;
import org.portcullis.relay.server.link.ServerLinkListener;
import org.portcullis.relay.server.outgoing.OutgoingConnector;
import org.portcullis.relay.server.license.RunningLicense;
import org.portcullis.relay.server.partner.PartnerInitializer;
import org.portcullis.relay.server.partner.PartnerListeners;
import org.portcullis.relay.server.partner.PartnerServices;
import org.portcullis.relay.server.partner.PasswordVerifier;
import org.portcullis.relay.server.partner.PendingConnections;
import org.portcullis.relay.server.partner.SourceRateLimiter;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.relay.server.session.LiveSessions;
import org.portcullis.relay.server.session.RefusalLog;
import org.portcullis.relay.server.session.SessionLimiter;
import org.portcullis.relay.server.session.SessionMetrics;
import org.portcullis.relay.server.session.SessionSupport;

/**
 * relay-server, the DMZ tier of Portcullis (RFC 5024 sessions relayed, never stored): the link listener for
 * relay-client and, once relay-client sent a configuration, the public listeners for partners. Wired here
 * through constructors; usable in one JVM by tests.
 *
 * <p>Threads: one event loop group sized for two cores (link, partners and outgoing sessions), a small bounded
 * executor for password hashing, outgoing name lookups and the source-address check, and one thread that
 * applies configurations in order.
 */
public final class RelayServer implements AutoCloseable {
    /** Event loops: the relay is sized for a two-core DMZ host. */
    static final int EVENT_LOOPS = 2;
    /** Threads and queue of the blocking executor; beyond the queue a session gets ESID 08. */
    static final int BLOCKING_THREADS = 2;
    static final int BLOCKING_QUEUE = 256;
    /** The longest start or stop of a listener. */
    static final Duration LISTENER_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LogManager.getLogger();

    private final EventLoopGroup group;
    private final ThreadPoolExecutor blocking;
    private final ExecutorService configThread;
    private final SessionLimiter limiter = new SessionLimiter();
    private final LiveSessions sessions = new LiveSessions();
    private final SessionMetrics metrics = new SessionMetrics();
    private final RefusalLog refusals = new RefusalLog();
    private final PendingConnections pending = new PendingConnections();
    private final PartnerListeners listeners;
    private final LinkServer linkServer;
    private final InsideLink insideLink = new InsideLink();
    private final CurrentConfig current = new CurrentConfig();
    private final RunningLicense license;
    private final TlsProvider tls;

    public RelayServer(RelayServerSettings settings) {
        // Before the link's first handshake: the JDK reads the switch once.
        TlsPolicy.refuseClientRenegotiation();
        group = new MultiThreadIoEventLoopGroup(EVENT_LOOPS, new DefaultThreadFactory("relay-io"),
                NioIoHandler.newFactory());
        blocking = new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(BLOCKING_QUEUE), new DefaultThreadFactory("relay-blocking"));
        configThread = Executors.newSingleThreadExecutor(new DefaultThreadFactory("relay-config"));
        license = settings.license();
        tls = settings.linkSettings().tlsProvider();
        SessionSupport support = new SessionSupport(settings.audit(), limiter, license, sessions, metrics,
                refusals);
        CrlUrlReporter crls = new CrlUrlReporter(insideLink);
        PartnerServices services = new PartnerServices(support, insideLink, new PasswordVerifier(blocking), crls,
                new SourceRateLimiter(), pending);
        listeners = new PartnerListeners(group, new PartnerInitializer(current, services), LISTENER_TIMEOUT);
        ConfigApplier applier = new ConfigApplier(current, listeners, configThread, tls);
        OutgoingConnector outgoing = new OutgoingConnector(current, support, crls, blocking);
        linkServer = new LinkServer(group, settings.linkAddress(), settings.credentials(), settings.linkSettings(),
                new ServerLinkListener(insideLink, crls, applier::receive, outgoing::open));
    }

    /**
     * Starts the link listener; partners are listened for once relay-client sent a configuration. Blocks until
     * bound: not on an event loop.
     *
     * @return the link's address
     * @throws LinkException when the link cannot listen
     */
    public InetSocketAddress start() {
        license.log();
        // The license is seen expiring without reading it again; a day's delay of the warning is harmless.
        group.next().scheduleAtFixedRate(license::log, 1, 1, TimeUnit.DAYS);
        long flush = RefusalLog.REFILL.toMillis();
        group.next().scheduleAtFixedRate(refusals::flush, flush, flush, TimeUnit.MILLISECONDS);
        try {
            InetSocketAddress bound = linkServer.start().get(LISTENER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("link listening on {}; partner listeners open once relay-client sent a configuration; TLS by {}",
                    Addresses.display(bound), tls.describe());
            return bound;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof LinkException link ? link : new LinkException("cannot start the link", e);
        } catch (TimeoutException e) {
            throw new LinkException("the link did not start within " + LISTENER_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException("interrupted while starting the link", e);
        }
    }

    /** The addresses partners can connect to now; empty before the first configuration. */
    public List<InetSocketAddress> partnerAddresses() {
        return listeners.addresses();
    }

    /** Sessions running now, incoming and outgoing. */
    public int activeSessions() {
        return limiter.active();
    }

    /** Whether relay-client's link is up. */
    public boolean linkUp() {
        return insideLink.current().isPresent();
    }

    /** The configuration in force and when it took effect. */
    public CurrentConfig configuration() {
        return current;
    }

    /** The link to relay-client while it is up. */
    public Optional<Link> link() {
        return insideLink.current();
    }

    /** The license in force. */
    public RunningLicense license() {
        return license;
    }

    /** The sessions running, for the control port. */
    public LiveSessions sessions() {
        return sessions;
    }

    public SessionMetrics metrics() {
        return metrics;
    }

    /** Partner connections accepted and not yet admitted, now. */
    public int pendingConnections() {
        return pending.total();
    }

    /**
     * Stops taking new sessions: no new configuration is applied, the partner listeners close, a partner still
     * before its SSID and an outgoing session asked for now get ESID 08. Sessions running go on; those still
     * running at {@code deadline} are ended with ESID 05 (local site emergency close down, RFC 5024 §5.3.5) to the
     * partner and the inside. The link stays up for them. Blocks while the listeners close: not on an event loop.
     *
     * @return completes once every session's connection has closed
     */
    public CompletableFuture<Void> drain(Duration deadline) {
        configThread.shutdownNow();
        CompletableFuture<Void> drained = sessions.drain();
        listeners.close();
        ScheduledFuture<?> cutOff = group.next().schedule(() -> {
            LOG.warn("drain deadline of {} ms passed: ending the sessions still running with ESID 05",
                    deadline.toMillis());
            sessions.endAll(EsidReason.LOCAL_SITE_EMERGENCY_CLOSE_DOWN, "relay-server is shutting down");
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        drained.whenComplete((done, failure) -> cutOff.cancel(false));
        return drained;
    }

    /** Stops listening, closes the link and every session. Blocks until done: not on an event loop. */
    @Override
    public void close() {
        configThread.shutdownNow();
        listeners.close();
        linkServer.close();
        group.shutdownGracefully(0, LISTENER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).awaitUninterruptibly();
        blocking.shutdownNow();
        LOG.info("relay-server stopped");
    }
}
