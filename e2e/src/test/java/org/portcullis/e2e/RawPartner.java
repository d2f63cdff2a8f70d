package org.portcullis.e2e;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.ParseMode;
import org.portcullis.oftp2.frame.OftpCommandDecoder;
import org.portcullis.oftp2.frame.StbFrameDecoder;
import org.portcullis.testkit.Identity;

/**
 * A partner that writes hand-made frames over TLS (with a client certificate of its choosing) and collects the
 * commands it gets back: for SSIDs of another protocol level and commands that break RFC 5024 mid-session.
 */
final class RawPartner implements AutoCloseable {
    private final Channel channel;
    private final BlockingQueue<Object> received;

    private RawPartner(Channel channel, BlockingQueue<Object> received) {
        this.channel = channel;
        this.received = received;
    }

    /** TLS 1.2/1.3 trusting {@code ca}, presenting {@code certificate} (none when {@code null}). */
    static SslContext tls(Identity certificate, X509Certificate ca) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forClient().trustManager(ca).protocols("TLSv1.3", "TLSv1.2");
        if (certificate != null) {
            builder.keyManager(certificate.privateKey(), certificate.certificate());
        }
        return builder.build();
    }

    /** Connects and completes the TLS handshake (or throws its failure). */
    static RawPartner connect(EventLoopGroup group, InetSocketAddress relay, SslContext tls, Duration timeout)
            throws Exception {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("tls", tls.newHandler(ch.alloc(), relay.getHostString(),
                                relay.getPort()))
                                .addLast("stbFrame", new StbFrameDecoder())
                                .addLast("oftpCodec", new OftpCommandDecoder(new CommandParser(ParseMode.STRICT)))
                                .addLast("collect", new Collector(received));
                    }
                }).connect(relay).sync().channel();
        channel.pipeline().get(SslHandler.class).handshakeFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new RawPartner(channel, received);
    }

    /** Sends a command as one frame. */
    void send(OftpCommand command) {
        sendRaw(Frames.frame(command));
    }

    /** Sends octets as they are. */
    void sendRaw(byte[] octets) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(octets));
    }

    /**
     * The next command received; fails on a timeout or a decoding fault. A DATA comes released: its length and
     * type are all a test looks at.
     */
    OftpCommand next(Duration timeout) throws InterruptedException {
        Object next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("nothing received within " + timeout);
        }
        if (next instanceof Throwable fault) {
            throw new AssertionError("receiving failed", fault);
        }
        ReferenceCountUtil.release(next);
        return (OftpCommand) next;
    }

    /** Whether the relay closed the connection within the timeout. */
    boolean closedWithin(Duration timeout) {
        return channel.closeFuture().awaitUninterruptibly(timeout.toMillis());
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        received.forEach(ReferenceCountUtil::release);
    }

    /** Collects what arrives; the queue owns it until read. */
    private static final class Collector extends ChannelInboundHandlerAdapter {
        private final BlockingQueue<Object> received;

        Collector(BlockingQueue<Object> received) {
            this.received = received;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            received.add(message);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            received.add(cause);
        }
    }
}
