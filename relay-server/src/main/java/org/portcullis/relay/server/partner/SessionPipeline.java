package org.portcullis.relay.server.partner;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import org.portcullis.config.RelayConfig;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.frame.OftpCommandDecoder;
import org.portcullis.oftp2.frame.OftpCommandEncoder;
import org.portcullis.oftp2.frame.StbFrameDecoder;
import org.portcullis.relay.server.config.ActiveConfig;
import org.portcullis.relay.server.session.IdleTimer;
import org.portcullis.relay.server.session.RelaySession;
import org.portcullis.relay.server.session.SessionErrorHandler;
import org.portcullis.relay.server.session.SessionInspector;

/**
 * The second step of a partner connection's pipeline, added by {@code pending} once the connection may wait for
 * its admission: {@code idle} → {@code tls} → {@code stbFrame} → {@code oftpCodec} → {@code ssidAuth} →
 * {@code errors}. The encoder of {@code oftpCodec} writes whole Stream Transmission Buffers, so {@code stbFrame}
 * only decodes.
 */
final class SessionPipeline extends ChannelInitializer<SocketChannel> {
    private final ActiveConfig active;
    private final PartnerServices services;

    /** @param active the configuration in force when the connection was accepted */
    SessionPipeline(ActiveConfig active, PartnerServices services) {
        this.active = active;
        this.services = services;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        RelayConfig config = active.config();
        RelaySession session = new RelaySession(channel.id().asShortText(), RelaySession.Direction.INCOMING, channel,
                services.support());
        SslHandler tls = active.partnerServer().newHandler(channel.alloc());
        tls.setHandshakeTimeoutMillis(config.timeouts().tlsHandshake().toMillis());
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(IdleTimer.NAME, IdleTimer.of(config.timeouts().idle()));
        pipeline.addLast("tls", tls);
        pipeline.addLast("stbFrame", new StbFrameDecoder());
        pipeline.addLast("oftpCodec", new CombinedChannelDuplexHandler<>(
                new OftpCommandDecoder(new CommandParser(SessionInspector.PARSE_MODE)), new OftpCommandEncoder()));
        pipeline.addLast("ssidAuth", new SsidAuthHandler(session, config, services));
        pipeline.addLast("errors", new SessionErrorHandler(session, config.timeouts().idle()));
    }
}
