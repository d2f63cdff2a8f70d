package org.portcullis.relay.server.partner;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ipfilter.AbstractRemoteAddressFilter;
import java.net.InetSocketAddress;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.Addresses;
import org.portcullis.relay.server.session.SessionMetrics;

/**
 * The {@code ipFilter} of a partner connection: before TLS, a source over its connection rate is closed at once.
 * Refusals are logged once per source and minute, with the count of those not logged.
 */
final class RateLimitFilter extends AbstractRemoteAddressFilter<InetSocketAddress> {
    private static final Logger LOG = LogManager.getLogger();

    private final SourceRateLimiter limiter;
    private final int perMinute;
    private final SessionMetrics metrics;

    /** @param perMinute the configured limit.connectionsPerSourcePerMinute */
    RateLimitFilter(SourceRateLimiter limiter, int perMinute, SessionMetrics metrics) {
        this.limiter = limiter;
        this.perMinute = perMinute;
        this.metrics = metrics;
    }

    @Override
    protected boolean accept(ChannelHandlerContext ctx, InetSocketAddress remote) {
        SourceRateLimiter.Decision decision = limiter.admit(remote.getAddress(), perMinute);
        if (decision.log()) {
            LOG.warn("[{}] refused a connection from {}: more than {} per minute from that address ({} more "
                    + "refused since the last line)", ctx.channel().id().asShortText(),
                    Addresses.display(remote.getAddress()), perMinute, decision.suppressed());
        }
        if (!decision.accepted()) {
            metrics.refused(SessionMetrics.RATE_LIMITED);
        }
        return decision.accepted();
    }
}
