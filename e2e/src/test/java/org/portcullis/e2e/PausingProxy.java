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
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A link cut without a FIN: a TCP forwarder that can stop forwarding in both directions at once and never close
 * anything while it is paused, as a pulled cable or a firewall that starts dropping packets does. Connections
 * accepted while paused are held unconnected; on {@link #resume()} everything goes on where it stopped (a side that
 * closed meanwhile is then seen closed, and its peer closed after it). Relay-style flow control: a side is read
 * only once its previous read was written to the other.
 */
final class PausingProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final Channel serverChannel;
    private final ChannelGroup open = new DefaultChannelGroup("pausing-proxy", GlobalEventExecutor.INSTANCE);
    private final AtomicInteger connections = new AtomicInteger();
    /** What waits for {@link #resume()}: reads not made and connections not dialled. Guarded by itself. */
    private final List<Runnable> parked = new ArrayList<>();
    private boolean paused;

    /** Listens on a free loopback port and forwards to {@code target}; blocks until bound. */
    PausingProxy(EventLoopGroup group, InetSocketAddress target) throws InterruptedException {
        this.target = target;
        this.serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        open.add(channel);
                        channel.pipeline().addLast("front", new FrontHandler());
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    /** Where to connect instead of the target. */
    InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** Stops forwarding: nothing more is read, written, dialled or closed until {@link #resume()}. */
    void pause() {
        synchronized (parked) {
            paused = true;
        }
    }

    /** Forwards again: the reads and connections held while paused go on. */
    void resume() {
        List<Runnable> waiting;
        synchronized (parked) {
            paused = false;
            waiting = new ArrayList<>(parked);
            parked.clear();
        }
        waiting.forEach(Runnable::run);
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        // Octets held while paused are written (or released by a closed channel), never leaked.
        resume();
        open.close().syncUninterruptibly();
    }

    /** Runs {@code step} on the channel's event loop now, or on {@link #resume()} while paused. */
    private void whenForwarding(Channel channel, Runnable step) {
        synchronized (parked) {
            if (paused) {
                parked.add(() -> channel.eventLoop().execute(step));
                return;
            }
        }
        step.run();
    }

    /**
     * Forwards what one side read to the other, reading on only after the write. A read that was pending when the
     * proxy paused may still bring octets: they wait too.
     */
    private void forward(ChannelHandlerContext ctx, Channel other, Object message) {
        whenForwarding(ctx.channel(), () -> write(ctx, other, message));
    }

    private void write(ChannelHandlerContext ctx, Channel other, Object message) {
        other.writeAndFlush(message).addListener(written -> {
            if (written.isSuccess()) {
                whenForwarding(ctx.channel(), ctx::read);
            } else {
                ctx.close();
            }
        });
    }

    /** A side closed: the other is closed after what it still has to write (once forwarding). */
    private void closeOther(Channel self, Channel other) {
        whenForwarding(self, () -> {
            if (other != null && other.isActive()) {
                other.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        });
    }

    /** The dialling side of one connection; the other side is the target's. */
    private final class FrontHandler extends ChannelInboundHandlerAdapter {
        private Channel backend;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            connections.incrementAndGet();
            whenForwarding(ctx.channel(), () -> dial(ctx.channel()));
        }

        private void dial(Channel front) {
            new Bootstrap().group(front.eventLoop()).channel(NioSocketChannel.class)
                    .option(ChannelOption.AUTO_READ, false)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            open.add(channel);
                            channel.pipeline().addLast("back", new BackHandler(front));
                        }
                    })
                    .connect(target).addListener((ChannelFutureListener) connect -> {
                        if (!connect.isSuccess()) {
                            front.close();
                            return;
                        }
                        backend = connect.channel();
                        if (!front.isActive()) {
                            backend.close();
                            return;
                        }
                        whenForwarding(front, () -> {
                            backend.read();
                            front.read();
                        });
                    });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (backend == null) {
                ((ByteBuf) message).release();
                return;
            }
            forward(ctx, backend, message);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closeOther(ctx.channel(), backend);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** The target's side of one connection. */
    private final class BackHandler extends ChannelInboundHandlerAdapter {
        private final Channel front;

        BackHandler(Channel front) {
            this.front = front;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            forward(ctx, front, message);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closeOther(ctx.channel(), front);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
