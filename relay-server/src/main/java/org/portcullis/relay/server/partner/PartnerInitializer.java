package org.portcullis.relay.server.partner;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import org.portcullis.config.RelayConfig;
import org.portcullis.relay.server.config.ActiveConfig;
import org.portcullis.relay.server.config.CurrentConfig;

/**
 * Assembles the pipeline of a partner connection (RFC 5024 §2.3, §8.2) with the configuration in force when it
 * was accepted, in two steps so that a connection refused for its source costs no TLS engine: first
 * {@code ipFilter} → {@code pending} (removed once admitted); then, once {@code pending} holds a place for it, the
 * {@link SessionPipeline}: {@code idle} → {@code tls} → {@code stbFrame} → {@code oftpCodec} → {@code ssidAuth}
 * (replaced by {@code relay} once admitted) → {@code errors}.
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
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("ipFilter", new RateLimitFilter(services.rateLimiter(),
                config.limits().connectionsPerSourcePerMinute(), services.support()));
        pipeline.addLast(PENDING, new PendingLimitHandler(services.pending(), config.limits(), services.support(),
                new SessionPipeline(active, services)));
    }
}
