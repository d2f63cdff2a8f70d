package org.portcullis.e2e;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import org.portcullis.testkit.Identity;

/**
 * Something that dials relay-server's link port with TLS 1.3 and a certificate of its choosing (or none), and
 * counts every octet of the link protocol it receives: an admitted relay-client's first is relay-server's PING.
 */
final class RawLinkPeer implements AutoCloseable {
    private final Channel channel;
    private final AtomicLong received;

    private RawLinkPeer(Channel channel, AtomicLong received) {
        this.channel = channel;
        this.received = received;
    }

    /** Connects, trusting {@code ca} for relay-server's certificate, presenting {@code certificate} if not null. */
    static RawLinkPeer connect(EventLoopGroup group, InetSocketAddress link, Identity certificate, X509Certificate ca)
            throws SSLException, InterruptedException {
        SslContextBuilder builder = SslContextBuilder.forClient().protocols("TLSv1.3").trustManager(ca)
                .endpointIdentificationAlgorithm(null);
        if (certificate != null) {
            builder.keyManager(certificate.privateKey(), certificate.certificate());
        }
        SslContext tls = builder.build();
        AtomicLong received = new AtomicLong();
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()))
                                .addLast("count", new ChannelInboundHandlerAdapter() {
                                    @Override
                                    public void channelRead(ChannelHandlerContext ctx, Object message) {
                                        ByteBuf octets = (ByteBuf) message;
                                        received.addAndGet(octets.readableBytes());
                                        octets.release();
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        // The refusal: TLS alerts and a closed connection are what is expected.
                                        ctx.close();
                                    }
                                });
                    }
                }).connect(link).sync().channel();
        return new RawLinkPeer(channel, received);
    }

    /** Whether relay-server closed the connection within the timeout. */
    boolean closedWithin(Duration timeout) {
        return channel.closeFuture().awaitUninterruptibly(timeout.toMillis());
    }

    /** Octets of the link protocol received (after TLS). */
    long received() {
        return received.get();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
