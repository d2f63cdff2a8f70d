package org.portcullis.link;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.mux.LinkAdmission;
import org.portcullis.link.mux.LinkEndpoint;
import org.portcullis.link.mux.LinkInitializer;
import org.portcullis.link.mux.LinkRole;
import org.portcullis.link.mux.LinkSide;
import org.portcullis.link.mux.PeerAddress;

/** relay-client's end of the link: dials the server, keeps one link up, reconnects with capped backoff and jitter. */
public final class LinkConnector {
    private static final Logger LOG = LogManager.getLogger();

    private final EventLoopGroup group;
    private final InetSocketAddress server;
    private final InetAddress localAddress;
    private final LinkCredentials credentials;
    private final LinkSettings settings;
    private final Backoff backoff;
    private final LinkListener listener;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile Link current;
    private volatile Channel channel;
    private volatile boolean closed;
    private volatile boolean started;

    /**
     * @param localAddress the address to dial from ({@code -o}), or null for any
     */
    public LinkConnector(EventLoopGroup group, InetSocketAddress server, InetAddress localAddress,
                         LinkCredentials creds, LinkSettings settings, Backoff backoff, LinkListener listener) {
        this.group = Objects.requireNonNull(group, "group");
        this.server = Objects.requireNonNull(server, "server");
        this.localAddress = localAddress;
        this.credentials = Objects.requireNonNull(creds, "creds");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Dials; on failure or link loss dials again after the backoff. Throws {@link LinkException} at once when the
     * credentials cannot be read (retrying would not help).
     */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        LinkEndpoint endpoint = new LinkEndpoint(new LinkSide(LinkRole.CLIENT, settings, new TrackingListener()),
                credentials.clientContext(settings.tlsProvider()), LinkAdmission.ANY);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, LinkServer.WATER_MARK)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.handshakeTimeout().toMillis())
                .handler(new LinkInitializer(endpoint));
        started = true;
        dial(bootstrap, 1);
    }

    private void dial(Bootstrap bootstrap, int attempt) {
        if (closed) {
            return;
        }
        LOG.info("link: dialing {}{} (attempt {})", PeerAddress.format(server),
                localAddress == null ? "" : " from " + NetUtil.toAddressString(localAddress),
                attempt);
        ChannelFuture connect = localAddress == null ? bootstrap.connect(server)
                : bootstrap.connect(server, new InetSocketAddress(localAddress, 0));
        channel = connect.channel();
        connect.addListener((ChannelFuture future) -> {
            if (!future.isSuccess()) {
                LOG.warn("link: cannot connect to {}: {}", PeerAddress.format(server), future.cause().toString());
                redial(bootstrap, attempt);
                return;
            }
            future.channel().closeFuture().addListener(closedFuture -> redial(bootstrap, attempt));
        });
    }

    /** After a failed attempt or a lost link: the next attempt after the backoff (reset by every link up). */
    private void redial(Bootstrap bootstrap, int previousAttempt) {
        if (closed) {
            return;
        }
        int failed = failures.incrementAndGet();
        Duration delay = backoff.next(failed, ThreadLocalRandom.current());
        int attempt = failed == 1 ? 1 : previousAttempt + 1;
        LOG.debug("link: attempt {} to reach {} in {} ms", attempt, PeerAddress.format(server), delay.toMillis());
        group.next().schedule(() -> dial(bootstrap, attempt), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops reconnecting and closes the current link (GO_AWAY first). */
    public void close() {
        closed = true;
        Link link = current;
        if (link != null) {
            link.close();
        }
        Channel dialing = channel;
        if (dialing != null && link == null) {
            dialing.close();
        }
    }

    /** The link while it is up. */
    public Optional<Link> current() {
        Link link = current;
        return link != null && link.isActive() ? Optional.of(link) : Optional.empty();
    }

    /** Keeps {@link #current()} and the failure count, then passes every callback on to the owner's listener. */
    private final class TrackingListener implements LinkListener {
        @Override
        public void linkUp(Link link) {
            failures.set(0);
            current = link;
            listener.linkUp(link);
        }

        @Override
        public void streamOpened(Link link, LinkStream stream) {
            listener.streamOpened(link, stream);
        }

        @Override
        public void control(Link link, ControlMessage message) {
            listener.control(link, message);
        }

        @Override
        public void linkDown(Link link, Throwable causeOrNull) {
            if (current == link) {
                current = null;
            }
            listener.linkDown(link, causeOrNull);
        }
    }
}
