package org.portcullis.relay.client;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted inside daemon: greets each connection with fixed octets (an SSRM frame, or garbage), keeps what it
 * receives, and lets the test send more or close.
 */
public final class FakeInsideDaemon implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final byte[] greeting;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final AtomicInteger connections = new AtomicInteger();
    /** The first connection, once accepted. */
    public final CompletableFuture<Channel> connection = new CompletableFuture<>();
    /** Completes when the first connection closed. */
    public final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Channel serverChannel;

    public FakeInsideDaemon(byte[] greeting) throws InterruptedException {
        this.greeting = greeting.clone();
        this.serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new Session()).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public int connections() {
        return connections.get();
    }

    public byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    public int receivedCount() {
        synchronized (received) {
            return received.size();
        }
    }

    /** Sends octets on the first connection. */
    public void send(byte[] octets) {
        connection.join().writeAndFlush(Unpooled.wrappedBuffer(octets.clone()));
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @io.netty.channel.ChannelHandler.Sharable
    private final class Session extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            connections.incrementAndGet();
            if (connection.complete(ctx.channel())) {
                ctx.channel().closeFuture().addListener(future -> closed.complete(null));
            }
            ctx.writeAndFlush(Unpooled.wrappedBuffer(greeting.clone()));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf data = (ByteBuf) msg;
            try {
                synchronized (received) {
                    received.writeBytes(ByteBufUtil.getBytes(data));
                }
            } finally {
                data.release();
            }
        }
    }
}
