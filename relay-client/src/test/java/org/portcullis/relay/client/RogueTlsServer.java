package org.portcullis.relay.client;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.portcullis.testkit.PemFiles;

/**
 * A server on relay-server's port with a certificate from the right CA but not the pinned one: it counts the
 * connections, the completed TLS handshakes and every application octet it gets.
 */
public final class RogueTlsServer implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicLong octets = new AtomicLong();
    private final Channel serverChannel;

    public RogueTlsServer(PemFiles identity) throws Exception {
        SslContext tls = SslContextBuilder.forServer(identity.certificateChainFile(), identity.privateKeyFile())
                .protocols("TLSv1.3").clientAuth(ClientAuth.OPTIONAL)
                .trustManager(identity.caCertificateFile()).build();
        this.serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        connections.incrementAndGet();
                        channel.pipeline().addLast("tls", tls.newHandler(channel.alloc()))
                                .addLast("count", new Counter());
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    public int connections() {
        return connections.get();
    }

    public int handshakes() {
        return handshakes.get();
    }

    public long octets() {
        return octets.get();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Counter extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof SslHandshakeCompletionEvent completion && completion.isSuccess()) {
                handshakes.incrementAndGet();
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf data = (ByteBuf) msg;
            octets.addAndGet(data.readableBytes());
            data.release();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // The client refusing our certificate ends the handshake: expected, nothing to report.
            ctx.close();
        }
    }
}
