package org.portcullis.e2e;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way to the inside daemon: a TCP forwarder in front of it that counts every connection relay-client makes,
 * and, for the connections accepted while a {@link Plan} is set, redirects them, slows down reading what
 * relay-client sends, or holds it back after some octets until released. Relay-style flow control: each side is
 * read only once the previous read was written to the other.
 */
final class InsideFront implements AutoCloseable {
    /** The read size of a slowed connection, so its octets arrive evenly rather than in 64 KiB bursts. */
    private static final int THROTTLED_READ = 8 * 1024;

    /**
     * What happens to a connection.
     *
     * @param target          where it goes; {@code null} for the inside daemon
     * @param octetsPerSecond how fast relay-client's octets are read; 0 for as fast as they come
     * @param holdAfter       after this many of relay-client's octets, reading stops until {@code release}
     * @param release         completed to let held connections go on
     */
    record Plan(InetSocketAddress target, long octetsPerSecond, long holdAfter, CompletableFuture<Void> release) {
        /** Straight to the inside daemon. */
        static final Plan DIRECT = new Plan(null, 0, Long.MAX_VALUE, CompletableFuture.completedFuture(null));

        /** To the inside daemon, reading relay-client's octets at {@code octetsPerSecond}. */
        static Plan throttled(long octetsPerSecond) {
            return new Plan(null, octetsPerSecond, Long.MAX_VALUE, CompletableFuture.completedFuture(null));
        }

        /** To the inside daemon, holding relay-client's octets after the first {@code octets} until released. */
        static Plan holding(long octets, CompletableFuture<Void> release) {
            return new Plan(null, 0, octets, release);
        }

        /** To another daemon (a rogue one, say). */
        static Plan to(InetSocketAddress other) {
            return new Plan(other, 0, Long.MAX_VALUE, CompletableFuture.completedFuture(null));
        }
    }

    private final EventLoopGroup group;
    private final InetSocketAddress daemon;
    private final Channel serverChannel;
    private final ChannelGroup open = new DefaultChannelGroup("inside-front", GlobalEventExecutor.INSTANCE);
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger holding = new AtomicInteger();
    private volatile Plan plan = Plan.DIRECT;

    /** Listens on a free loopback port; blocks until bound. */
    InsideFront(EventLoopGroup group, InetSocketAddress daemon) throws InterruptedException {
        this.group = group;
        this.daemon = daemon;
        this.serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        open.add(channel);
                        channel.pipeline().addLast("front", new FrontHandler(plan));
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    /** Where relay-client reaches the inside daemon. */
    InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Connections accepted so far: every connection the inside daemon (or a daemon it was redirected to) saw. */
    int connections() {
        return connections.get();
    }

    /** Connections that hold relay-client's octets now or did so. */
    int holding() {
        return holding.get();
    }

    /** The plan for the connections accepted from now on. */
    void plan(Plan next) {
        plan = next;
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        open.close().syncUninterruptibly();
    }

    /** relay-client's side of one connection; the other side is the daemon's. */
    private final class FrontHandler extends ChannelInboundHandlerAdapter {
        private final Plan plan;
        private Channel backend;
        private long forwarded;
        private boolean held;

        FrontHandler(Plan plan) {
            this.plan = plan;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            connections.incrementAndGet();
            if (plan.octetsPerSecond() > 0) {
                ctx.channel().config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(THROTTLED_READ));
            }
            Channel front = ctx.channel();
            new Bootstrap().group(front.eventLoop()).channel(NioSocketChannel.class)
                    .option(ChannelOption.AUTO_READ, false)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            open.add(channel);
                            channel.pipeline().addLast("back", new BackHandler(front));
                        }
                    })
                    .connect(plan.target() == null ? daemon : plan.target())
                    .addListener((ChannelFutureListener) connect -> {
                        if (!connect.isSuccess()) {
                            front.close();
                            return;
                        }
                        backend = connect.channel();
                        if (!front.isActive()) {
                            backend.close();
                            return;
                        }
                        backend.read();
                        front.read();
                    });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            int octets = ((ByteBuf) message).readableBytes();
            forwarded += octets;
            backend.writeAndFlush(message).addListener(written -> {
                if (written.isSuccess()) {
                    readNext(ctx, octets);
                } else {
                    ctx.close();
                }
            });
        }

        private void readNext(ChannelHandlerContext ctx, int lastRead) {
            if (forwarded >= plan.holdAfter() && !plan.release().isDone()) {
                if (!held) {
                    held = true;
                    holding.incrementAndGet();
                }
                plan.release().thenRun(() -> ctx.executor().execute(ctx::read));
            } else if (plan.octetsPerSecond() > 0) {
                long nanos = TimeUnit.SECONDS.toNanos(lastRead) / plan.octetsPerSecond();
                ctx.executor().schedule(() -> ctx.read(), nanos, TimeUnit.NANOSECONDS);
            } else {
                ctx.read();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closeAfterFlush(backend);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** The daemon's side: what it sends goes to relay-client as fast as relay-client takes it. */
    private static final class BackHandler extends ChannelInboundHandlerAdapter {
        private final Channel front;

        BackHandler(Channel front) {
            this.front = front;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            front.writeAndFlush(message).addListener(written -> {
                if (written.isSuccess()) {
                    ctx.read();
                } else {
                    ctx.close();
                }
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closeAfterFlush(front);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private static void closeAfterFlush(Channel channel) {
        if (channel != null && channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
