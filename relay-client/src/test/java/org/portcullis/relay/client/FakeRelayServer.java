package org.portcullis.relay.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.ControlType;
import org.portcullis.link.Link;
import org.portcullis.link.LinkCredentials;
import org.portcullis.link.LinkException;
import org.portcullis.link.LinkListener;
import org.portcullis.link.LinkServer;
import org.portcullis.link.LinkSettings;
import org.portcullis.link.LinkStream;
import org.portcullis.link.StreamKind;
import org.portcullis.link.StreamOpen;
import org.portcullis.testkit.Await;

/**
 * relay-server's end of the link as tests need it: a real {@link LinkServer} that keeps every configuration
 * pushed to it (answering each with CONFIG_RESULT applied), every stream relay-client opens, and opens incoming
 * streams on request.
 */
public final class FakeRelayServer implements LinkListener, AutoCloseable {
    /**
     * How long a test waits for anything the link does: a bound, not a delay. A relay-client jar starting (a JVM,
     * BoringSSL's native library) took 9 s to link up on a 2-core machine at load average 39.
     */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final LinkCredentials credentials;
    /** The configuration documents pushed, in order. */
    public final BlockingQueue<byte[]> configs = new LinkedBlockingQueue<>();
    /** The streams relay-client opened, in order. */
    public final BlockingQueue<LinkStream> streams = new LinkedBlockingQueue<>();
    private final AtomicInteger linksUp = new AtomicInteger();
    private volatile LinkServer server;
    private volatile InetSocketAddress address;

    public FakeRelayServer(LinkCredentials credentials) {
        this.credentials = credentials;
    }

    /** Listens on a free loopback port. */
    public InetSocketAddress start() {
        return start(new InetSocketAddress("127.0.0.1", 0));
    }

    /** Listens again on the port of the first start (the server "comes back"). */
    public InetSocketAddress restart() {
        InetSocketAddress previous = address;
        // The old listener's port is released asynchronously: bind again until it is free.
        Await.until(() -> {
            try {
                start(previous);
                return true;
            } catch (LinkException e) {
                return false;
            }
        }, WAIT, "the port " + previous.getPort() + " to be free again");
        return address;
    }

    private InetSocketAddress start(InetSocketAddress bind) {
        LinkServer starting = new LinkServer(group, bind, credentials, LinkSettings.defaults(), this);
        try {
            address = starting.start().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof LinkException link ? link : new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("the link server did not start", e);
        }
        server = starting;
        return address;
    }

    /** Stops listening and drops the link. */
    public void stop() {
        LinkServer running = server;
        if (running != null) {
            running.close();
        }
    }

    /** The number of times a link came up. */
    public int linksUp() {
        return linksUp.get();
    }

    /** The link, once relay-client is connected. */
    public Link awaitLink() {
        Await.until(() -> server.current().filter(Link::isActive).isPresent(), WAIT, "relay-client's link");
        return server.current().orElseThrow();
    }

    /** The link now; relay-client must be connected. */
    public Link currentLink() {
        return server.current().orElseThrow(() -> new IllegalStateException("relay-client is not connected"));
    }

    /** The next configuration pushed, failing after {@link #WAIT}. */
    public byte[] nextConfig() throws InterruptedException {
        return nextConfig(WAIT);
    }

    /** The next configuration pushed, failing after {@code within}. */
    public byte[] nextConfig(Duration within) throws InterruptedException {
        byte[] document = configs.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (document == null) {
            throw new AssertionError("no configuration pushed within " + within);
        }
        return document;
    }

    /** The next stream relay-client opened, failing after {@link #WAIT}. */
    public LinkStream nextStream() throws InterruptedException {
        LinkStream stream = streams.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (stream == null) {
            throw new AssertionError("no stream opened within " + WAIT);
        }
        return stream;
    }

    /** Opens an INCOMING stream as relay-server does for an accepted partner. */
    public LinkStream openIncoming(String sessionId) throws Exception {
        return awaitLink().openStream(new StreamOpen(StreamKind.INCOMING, sessionId, "O0013000000PARTNER", null,
                "192.0.2.7:40000")).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void linkUp(Link link) {
        linksUp.incrementAndGet();
    }

    @Override
    public void streamOpened(Link link, LinkStream stream) {
        streams.add(stream);
    }

    @Override
    public void control(Link link, ControlMessage message) {
        if (message.type() == ControlType.CONFIG) {
            configs.add(message.body());
            link.sendControl(ControlMessage.of(ControlType.CONFIG_RESULT, "{\"applied\": true, \"revision\": \""
                    + ClientConfigs.revision(message.body()) + "\"}"));
        }
    }

    @Override
    public void linkDown(Link link, Throwable causeOrNull) {
        // Tests look at the link itself.
    }

    @Override
    public void close() {
        stop();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
