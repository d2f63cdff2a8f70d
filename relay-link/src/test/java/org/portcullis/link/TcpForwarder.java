package org.portcullis.link;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on 127.0.0.1 for link tests: relays octets to a target that can be changed, and can freeze the
 * connections it carries (nothing passes either way any more, as when a middlebox or the peer hangs).
 */
final class TcpForwarder implements AutoCloseable {
    private final EventLoopGroup group;
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final Set<Channel> frozen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile InetSocketAddress target;
    private Channel listener;

    TcpForwarder(EventLoopGroup group, InetSocketAddress target) {
        this.group = group;
        this.target = target;
    }

    void start() throws InterruptedException {
        listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel inbound) {
                        accepted.incrementAndGet();
                        channels.add(inbound);
                        inbound.pipeline().addLast(new Dial());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    void target(InetSocketAddress newTarget) {
        target = newTarget;
    }

    /** Freezes the connections open now; new connections are relayed as before. */
    void freezeCurrent() {
        frozen.addAll(channels);
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        channels.forEach(Channel::close);
    }

    /** Connects to the target, then relays both ways. */
    private final class Dial extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel inbound = ctx.channel();
            new Bootstrap().group(inbound.eventLoop()).channel(NioSocketChannel.class)
                    .option(ChannelOption.AUTO_READ, false)
                    .handler(new Relay(inbound))
                    .connect(target).addListener((ChannelFutureListener) future -> {
                        if (!future.isSuccess()) {
                            inbound.close();
                            return;
                        }
                        Channel outbound = future.channel();
                        channels.add(outbound);
                        inbound.pipeline().replace(this, "relay", new Relay(outbound));
                        inbound.read();
                        outbound.read();
                    });
        }
    }

    /** Writes what it reads to the other channel and reads on only after that write went out, unless frozen. */
    private final class Relay extends ChannelInboundHandlerAdapter {
        private final Channel other;

        Relay(Channel other) {
            this.other = other;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (frozen.contains(ctx.channel())) {
                ReferenceCountUtil.release(msg);
                return;
            }
            other.writeAndFlush(msg).addListener((ChannelFutureListener) future -> {
                if (!future.isSuccess()) {
                    ctx.channel().close();
                } else if (!frozen.contains(ctx.channel())) {
                    ctx.channel().read();
                }
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            channels.remove(ctx.channel());
            other.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
