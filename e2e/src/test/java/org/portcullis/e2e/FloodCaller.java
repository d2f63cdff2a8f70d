package org.portcullis.e2e;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Ssid;

/**
 * What one connection of a {@link Flood} does once connected: the kinds of bad caller issue 10 names. Each sets
 * up a channel's pipeline; what the relay sends back is read and dropped.
 */
enum FloodCaller {
    /** Connects and never sends a byte. */
    SILENT,
    /** Dribbles a real TLS ClientHello, one octet per {@link Flood#DRIBBLE}: slowloris on TLS. */
    TLS_SLOWLORIS,
    /** Completes TLS with the partner's certificate, reads SSRM, then dribbles an SSID: slowloris on SSID. */
    SSID_SLOWLORIS,
    /** Sends a kilobyte of random octets where the TLS handshake should be. */
    TLS_GARBAGE,
    /** Speaks OFTP2 in clear text (an SSID frame) to the TLS port. */
    CLEARTEXT;

    private static final byte[] SSID_FRAME = Frames.frame(Ssid.builder().odetteId(TestConfig.PARTNER_ID)
            .password(TestConfig.PARTNER_PASSWORD).bufferSize(4096).credit(10).mode(SendReceiveMode.SENDER_ONLY)
            .build());

    /**
     * Sets up a new channel; {@code tls} is the partner's client context, used by {@link #SSID_SLOWLORIS} for
     * {@code relay} (whose name it verifies).
     */
    void initialize(Channel channel, SslContext tls, InetSocketAddress relay) {
        channel.pipeline().addLast("drop", new Drop());
        switch (this) {
            case SILENT -> {
            }
            case TLS_SLOWLORIS -> channel.pipeline().addFirst("dribble", new Dribble(clientHello()));
            case SSID_SLOWLORIS -> {
                SslHandler handler = tls.newHandler(channel.alloc(), relay.getHostString(), relay.getPort());
                channel.pipeline().addFirst("tls", handler);
                handler.handshakeFuture().addListener(done -> {
                    if (done.isSuccess()) {
                        channel.pipeline().addAfter("tls", "dribble", new Dribble(SSID_FRAME));
                    }
                });
            }
            case TLS_GARBAGE -> channel.pipeline().addFirst("send", new SendOnce(garbage()));
            case CLEARTEXT -> channel.pipeline().addFirst("send", new SendOnce(SSID_FRAME));
            default -> throw new IllegalStateException(name());
        }
    }

    private static byte[] garbage() {
        byte[] octets = new byte[1024];
        new Random().nextBytes(octets);
        return octets;
    }

    /** The first flight of a JDK TLS client: a real ClientHello record. */
    static byte[] clientHello() {
        try {
            SSLEngine engine = SSLContext.getDefault().createSSLEngine("relay", 6619);
            engine.setUseClientMode(true);
            engine.beginHandshake();
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), out);
            return Arrays.copyOf(out.array(), out.position());
        } catch (SSLException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no ClientHello", e);
        }
    }

    /** Reads and drops whatever comes. */
    private static final class Drop extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ReferenceCountUtil.release(message);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** Sends its octets once, when connected. */
    private static final class SendOnce extends ChannelInboundHandlerAdapter {
        private final byte[] octets;

        SendOnce(byte[] octets) {
            this.octets = octets;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(octets));
            ctx.fireChannelActive();
        }
    }

    /** Sends its octets one at a time, one per {@link Flood#DRIBBLE}, from when it is added. */
    private static final class Dribble extends ChannelInboundHandlerAdapter {
        private final byte[] octets;
        private int sent;

        Dribble(byte[] octets) {
            this.octets = octets;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            if (ctx.channel().isActive()) {
                next(ctx);
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            next(ctx);
            ctx.fireChannelActive();
        }

        private void next(ChannelHandlerContext ctx) {
            if (sent >= octets.length || !ctx.channel().isActive()) {
                return;
            }
            ctx.writeAndFlush(Unpooled.wrappedBuffer(octets, sent++, 1));
            Duration pause = Flood.DRIBBLE;
            ctx.executor().schedule(() -> next(ctx), pause.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
