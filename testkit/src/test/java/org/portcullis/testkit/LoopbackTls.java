package org.portcullis.testkit;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs one TLS handshake between a Netty server and client on 127.0.0.1 with an ephemeral port. */
final class LoopbackTls implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;

    /** How each side's handshake ended: null when it succeeded, else the cause. */
    record Outcome(Throwable serverFailure, Throwable clientFailure) {
        boolean bothSucceeded() {
            return serverFailure == null && clientFailure == null;
        }
    }

    /** The handshake futures already carry the failure; this only ends the connection quietly. */
    private static final class CloseOnError extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    Outcome handshake(SslContext server, SslContext client, String peerHost) throws Exception {
        CompletableFuture<Throwable> serverDone = new CompletableFuture<>();
        Channel listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler tls = server.newHandler(ch.alloc());
                        tls.handshakeFuture().addListener(f -> serverDone.complete(f.cause()));
                        ch.pipeline().addLast("tls", tls).addLast("errors", new CloseOnError());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        try {
            return connect(client, peerHost, (InetSocketAddress) listener.localAddress(), serverDone);
        } finally {
            listener.close().sync();
        }
    }

    private Outcome connect(SslContext client, String peerHost, InetSocketAddress address,
            CompletableFuture<Throwable> serverDone) throws Exception {
        CompletableFuture<Throwable> clientDone = new CompletableFuture<>();
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler tls = client.newHandler(ch.alloc(), peerHost, address.getPort());
                        tls.handshakeFuture().addListener(f -> clientDone.complete(f.cause()));
                        ch.pipeline().addLast("tls", tls).addLast("errors", new CloseOnError());
                    }
                }).connect(address).sync().channel();
        try {
            Throwable clientFailure = clientDone.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Throwable serverFailure = serverDone.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Outcome(serverFailure, clientFailure);
        } finally {
            channel.close().sync();
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, TIMEOUT_SECONDS, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
