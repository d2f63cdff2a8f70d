package org.portcullis.benchmarks.relay;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.ParseMode;
import org.portcullis.oftp2.frame.OftpCommandDecoder;
import org.portcullis.oftp2.frame.OftpCommandEncoder;
import org.portcullis.oftp2.frame.StbFrameDecoder;

/**
 * Assembles the pipeline of one probe connection (RFC 5024 §2.3, §8.2): {@code tls} → {@code stbFrame} →
 * {@code oftpCodec} → {@code probe}, the reference peer's codecs with a session handler that times
 * commands instead of moving files.
 */
final class ProbeInitializer extends ChannelInitializer<SocketChannel> {
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 120_000;

    private final Target target;
    private final SslContext sslContext;
    private final ProbeSession probe;

    /** @param sslContext the client TLS context, or {@code null} for plain TCP */
    ProbeInitializer(Target target, SslContext sslContext, ProbeSession probe) {
        this.target = target;
        this.sslContext = sslContext;
        this.probe = probe;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (sslContext != null) {
            InetSocketAddress remote = target.address;
            SslHandler tls = sslContext.newHandler(channel.alloc(), remote.getHostString(), remote.getPort());
            // Netty's 10 s default is too short for the last of many handshakes on a busy machine.
            tls.setHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS);
            pipeline.addLast("tls", tls);
        }
        pipeline.addLast("stbFrame", new StbFrameDecoder());
        pipeline.addLast("oftpCodec", new CombinedChannelDuplexHandler<>(
                new OftpCommandDecoder(new CommandParser(ParseMode.STRICT)), new OftpCommandEncoder()));
        pipeline.addLast("probe", new ProbeHandler(target, probe));
    }
}
