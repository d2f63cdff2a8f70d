package org.portcullis.e2e;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.portcullis.testkit.Await;

/**
 * Bad callers of relay-server's public port, on an event loop of their own: {@code connections} connections of one
 * {@link FloodCaller} kind, spread over loopback source addresses (127.1.0.1 on: Linux routes all of 127/8 to
 * loopback), opened {@value #CONNECTS_IN_FLIGHT} at a time; with {@code reconnect} each connection the relay closes
 * is opened again after {@link #RECONNECT}, so the flood goes on while a test measures.
 */
final class Flood implements AutoCloseable {
    /** How slowly the slowloris kinds send: an octet every two seconds. */
    static final Duration DRIBBLE = Duration.ofSeconds(2);
    /** The pause before a closed connection is opened again. */
    static final Duration RECONNECT = Duration.ofMillis(250);
    private static final int CONNECTS_IN_FLIGHT = 128;

    /**
     * One flood.
     *
     * @param caller      what each connection does
     * @param connections connections open at once (at most)
     * @param sources     how many source addresses they come from
     * @param reconnect   whether a connection closed by the relay is opened again
     */
    record Plan(FloodCaller caller, int connections, int sources, boolean reconnect) {
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup open = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final InetSocketAddress relay;
    private final Plan plan;
    private final Bootstrap bootstrap;
    private final List<InetAddress> sources = new ArrayList<>();
    private final AtomicInteger launched = new AtomicInteger();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong connected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong closedByRelay = new AtomicLong();
    private volatile boolean closing;

    /** @param tls the partner's client context, for {@link FloodCaller#SSID_SLOWLORIS} */
    Flood(InetSocketAddress relay, SslContext tls, Plan plan) {
        this.relay = relay;
        this.plan = plan;
        for (int i = 0; i < plan.sources(); i++) {
            sources.add(source(i));
        }
        bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        plan.caller().initialize(channel, tls, relay);
                    }
                });
    }

    /** Starts opening the connections; returns at once. */
    Flood start() {
        for (int i = 0; i < Math.min(CONNECTS_IN_FLIGHT, plan.connections()); i++) {
            launchNext();
        }
        return this;
    }

    /** Waits until every connection was tried once. */
    Flood awaitLaunched(Duration timeout) {
        Await.until(() -> connected.get() + failed.get() >= plan.connections(), timeout,
                "the flood's " + plan.connections() + " connections to be tried");
        return this;
    }

    private void launchNext() {
        int slot = launched.getAndIncrement();
        if (slot < plan.connections()) {
            open(slot, true);
        }
    }

    private void open(int slot, boolean first) {
        if (closing) {
            return;
        }
        attempts.incrementAndGet();
        ChannelFuture connect = bootstrap.connect(relay, new InetSocketAddress(sources.get(slot % sources.size()), 0));
        connect.addListener(done -> {
            if (first) {
                launchNext();
            }
            if (!done.isSuccess()) {
                failed.incrementAndGet();
                return;
            }
            connected.incrementAndGet();
            Channel channel = connect.channel();
            open.add(channel);
            channel.closeFuture().addListener(closed -> closed(slot));
        });
    }

    private void closed(int slot) {
        if (closing) {
            return;
        }
        closedByRelay.incrementAndGet();
        if (plan.reconnect()) {
            group.schedule(() -> open(slot, false), RECONNECT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Connections opened so far, reconnections included. */
    long connected() {
        return connected.get();
    }

    /** Connections the relay closed so far. */
    long closedByRelay() {
        return closedByRelay.get();
    }

    /** Connections open now. */
    int open() {
        return open.size();
    }

    /** Connects that failed. */
    long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        closing = true;
        open.close().awaitUninterruptibly(30, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public String toString() {
        return plan.caller() + ": " + connected() + " connected (" + attempts.get() + " tried, " + failed()
                + " failed), " + closedByRelay() + " closed by the relay, " + open() + " open";
    }

    private static InetAddress source(int index) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 1, (byte) (index / 250), (byte) (1 + index % 250)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
