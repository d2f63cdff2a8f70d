package org.portcullis.relay.server.partner;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.portcullis.config.RelayConfig;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.frame.OftpCommandDecoder;
import org.portcullis.oftp2.frame.OftpCommandEncoder;
import org.portcullis.oftp2.frame.StbFrameDecoder;
import org.portcullis.relay.server.config.ActiveConfig;
import org.portcullis.relay.server.config.CurrentConfig;
import org.portcullis.relay.server.session.RelaySession;
import org.portcullis.relay.server.session.SessionErrorHandler;
import org.portcullis.relay.server.session.SessionInspector;

/**
 * Assembles the pipeline of a partner connection (RFC 5024 §2.3, §8.2) with the configuration in force when it
 * was accepted: {@code ipFilter} → {@code pending} (removed once admitted) → {@code idle} → {@code tls} → {@code stbFrame} → {@code oftpCodec} →
 * {@code ssidAuth} (replaced by {@code relay} once admitted) → {@code errors}. The encoder of {@code oftpCodec}
 * writes whole Stream Transmission Buffers, so {@code stbFrame} only decodes.
 */
public final class PartnerInitializer extends ChannelInitializer<SocketChannel> {
    /** The name of the handler that counts the connection among those not yet admitted. */
    static final String PENDING = "pending";

    private final CurrentConfig current;
    private final PartnerServices services;

    public PartnerInitializer(CurrentConfig current, PartnerServices services) {
        this.current = current;
        this.services = services;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ActiveConfig active = current.get().orElseThrow(
                () -> new IllegalStateException("a partner listener runs only with a configuration"));
        RelayConfig config = active.config();
        RelaySession session = new RelaySession(channel.id().asShortText(), RelaySession.Direction.INCOMING, channel,
                services.support());
        SslHandler tls = active.partnerServer().newHandler(channel.alloc());
        tls.setHandshakeTimeoutMillis(config.timeouts().tlsHandshake().toMillis());
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("ipFilter", new RateLimitFilter(services.rateLimiter(),
                config.limits().connectionsPerSourcePerMinute(), services.support()));
        pipeline.addLast(PENDING, new PendingLimitHandler(services.pending(), config.limits(), services.support()));
        pipeline.addLast("idle", new IdleStateHandler(0, 0, config.timeouts().idle().toMillis(), TimeUnit.MILLISECONDS));
        pipeline.addLast("tls", tls);
        pipeline.addLast("stbFrame", new StbFrameDecoder());
        pipeline.addLast("oftpCodec", new CombinedChannelDuplexHandler<>(
                new OftpCommandDecoder(new CommandParser(SessionInspector.PARSE_MODE)), new OftpCommandEncoder()));
        pipeline.addLast("ssidAuth", new SsidAuthHandler(session, config, services));
        pipeline.addLast("errors", new SessionErrorHandler(session, config.timeouts().idle()));
    }
}
