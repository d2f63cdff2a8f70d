package org.portcullis.relay.server.partner;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ipfilter.AbstractRemoteAddressFilter;
import java.net.InetSocketAddress;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.Addresses;
import org.portcullis.relay.server.session.SessionMetrics;
import org.portcullis.relay.server.session.SessionSupport;

/**
 * The {@code ipFilter} of a partner connection: before TLS, a source over its connection rate is closed at once.
 * Refusals are logged within the budget of {@link org.portcullis.relay.server.session.RefusalLog} (kind
 * {@value SessionMetrics#RATE_LIMITED}), the next line counting those not logged.
 */
final class RateLimitFilter extends AbstractRemoteAddressFilter<InetSocketAddress> {
    private static final Logger LOG = LogManager.getLogger();

    private final SourceRateLimiter limiter;
    private final int perMinute;
    private final SessionSupport support;

    /** @param perMinute the configured limit.connectionsPerSourcePerMinute */
    RateLimitFilter(SourceRateLimiter limiter, int perMinute, SessionSupport support) {
        this.limiter = limiter;
        this.perMinute = perMinute;
        this.support = support;
    }

    @Override
    protected boolean accept(ChannelHandlerContext ctx, InetSocketAddress remote) {
        boolean accepted = limiter.admit(remote.getAddress(), perMinute);
        if (!accepted) {
            support.metrics().refused(SessionMetrics.RATE_LIMITED);
            support.refusals().permit(SessionMetrics.RATE_LIMITED).ifPresent(note -> LOG.warn(
                    "[{}] refused a connection from {}: more than {} per minute from that address{}",
                    ctx.channel().id().asShortText(), Addresses.display(remote.getAddress()), perMinute, note));
        }
        return accepted;
    }
}
