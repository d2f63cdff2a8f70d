package org.portcullis.oftp2.peer;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.frame.OftpCommandDecoder;
import org.portcullis.oftp2.frame.OftpCommandEncoder;
import org.portcullis.oftp2.frame.StbFrameDecoder;

/**
 * Assembles the pipeline of one peer connection (RFC 5024 §2.3, §8.2): {@code idle} → {@code tls} →
 * {@code stbFrame} → {@code oftpCodec} → {@code session}. The session handler hands its work to an
 * executor of the session group because it reads and writes files, which must not block the event loop.
 */
final class PeerInitializer extends ChannelInitializer<SocketChannel> {
    /**
     * Room for several full DATA buffers (up to 99999 octets each) before the Speaker pauses: with
     * Netty's 64 KiB default every DATA would wait for the one before it to drain.
     */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    private final PeerConfig config;
    private final Role role;
    private final SslContext sslContext;
    private final InetSocketAddress remote;
    private final EventExecutorGroup sessionExecutors;
    private final Consumer<SessionResult> resultListener;
    private final ChannelGroup openChannels;

    /**
     * @param sslContext   the TLS context, or {@code null} for plain TCP
     * @param remote       the address called (for the TLS server name check), or {@code null} for a Responder
     * @param openChannels where a server keeps its connections to close them, or {@code null}
     */
    PeerInitializer(PeerConfig config, Role role, SslContext sslContext, InetSocketAddress remote,
            EventExecutorGroup sessionExecutors, Consumer<SessionResult> resultListener, ChannelGroup openChannels) {
        this.config = config;
        this.role = role;
        this.sslContext = sslContext;
        this.remote = remote;
        this.sessionExecutors = sessionExecutors;
        this.resultListener = resultListener;
        this.openChannels = openChannels;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (openChannels != null) {
            openChannels.add(channel);
        }
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("idle", new IdleStateHandler(config.inactivityTimeout().toMillis(), 0, 0,
                TimeUnit.MILLISECONDS));
        if (sslContext != null) {
            pipeline.addLast("tls", remote == null ? sslContext.newHandler(channel.alloc())
                    : sslContext.newHandler(channel.alloc(), remote.getHostString(), remote.getPort()));
        }
        pipeline.addLast("stbFrame", new StbFrameDecoder());
        pipeline.addLast("oftpCodec", new CombinedChannelDuplexHandler<>(
                new OftpCommandDecoder(new CommandParser(config.parseMode())), new OftpCommandEncoder()));
        pipeline.addLast("session",
                new SessionHandler(config, role, sslContext != null, sessionExecutors, resultListener));
    }
}
