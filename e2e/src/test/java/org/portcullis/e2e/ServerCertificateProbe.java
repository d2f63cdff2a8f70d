package org.portcullis.e2e;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedTrustManager;
import org.portcullis.testkit.Identity;

/**
 * Which certificate relay-server presents to a new partner connection now: a TLS handshake (with a partner's client
 * certificate) that records the server's certificate, then closes.
 */
final class ServerCertificateProbe {
    private final EventLoopGroup group;
    private final SslContext tls;
    private final AtomicReference<X509Certificate> presented = new AtomicReference<>();

    ServerCertificateProbe(EventLoopGroup group, Identity partner) throws SSLException {
        this.group = group;
        this.tls = SslContextBuilder.forClient().protocols("TLSv1.3", "TLSv1.2")
                .keyManager(partner.privateKey(), partner.certificate()).trustManager(new Recorder(presented))
                .build();
    }

    /** The certificate presented by a new connection to {@code relay}, or {@code null} if the handshake failed. */
    X509Certificate presentedBy(InetSocketAddress relay, Duration timeout) {
        presented.set(null);
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()))
                                .addLast("ignore", new ChannelInboundHandlerAdapter());
                    }
                }).connect(relay).syncUninterruptibly().channel();
        try {
            channel.pipeline().get(SslHandler.class).handshakeFuture()
                    .awaitUninterruptibly(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return presented.get();
        } finally {
            channel.close().syncUninterruptibly();
        }
    }

    /** Accepts any server certificate and records it: the probe looks, it does not trust. */
    private static final class Recorder extends X509ExtendedTrustManager {
        private final AtomicReference<X509Certificate> presented;

        Recorder(AtomicReference<X509Certificate> presented) {
            this.presented = presented;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            presented.set(chain[0]);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            presented.set(chain[0]);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            presented.set(chain[0]);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
