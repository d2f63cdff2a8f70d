package org.portcullis.relay.server.partner;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.Addresses;
import org.portcullis.config.LimitConfig;
import org.portcullis.relay.server.session.SessionMetrics;
import org.portcullis.relay.server.session.SessionSupport;

/**
 * The {@code pending} step of a partner connection, before TLS: the connection holds a place among those not yet
 * admitted ({@link PendingConnections}) from when it is accepted until {@code ssidAuth} admits it (and removes this
 * handler) or it closes. Beyond {@link LimitConfig#pendingPerSource()} or {@link LimitConfig#pendingTotal()} it is
 * closed at once, before any TLS work, and the refusal is logged within the budget of the refusal log; within
 * them it adds the {@link SessionPipeline} after itself.
 */
final class PendingLimitHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private final PendingConnections pending;
    private final LimitConfig limits;
    private final SessionSupport support;
    private final SessionPipeline session;
    private InetAddress held;

    PendingLimitHandler(PendingConnections pending, LimitConfig limits, SessionSupport support,
            SessionPipeline session) {
        this.pending = pending;
        this.limits = limits;
        this.support = support;
        this.session = session;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress source = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        PendingConnections.Verdict verdict = pending.hold(source, limits.pendingPerSource(), limits.pendingTotal());
        if (verdict == PendingConnections.Verdict.HELD) {
            held = source;
            ctx.pipeline().addAfter(ctx.name(), null, session);
            ctx.fireChannelActive();
            return;
        }
        String reason = verdict == PendingConnections.Verdict.SOURCE_FULL ? SessionMetrics.PENDING_PER_SOURCE
                : SessionMetrics.PENDING_TOTAL;
        support.metrics().refused(reason);
        support.refusals().permit(reason).ifPresent(note -> LOG.warn(
                "[{}] refused a connection from {}: {}{}", ctx.channel().id().asShortText(), Addresses.display(source),
                verdict == PendingConnections.Verdict.SOURCE_FULL
                        ? limits.pendingPerSource() + " connections of that address are not admitted yet"
                        : limits.pendingTotal() + " connections are not admitted yet", note));
        // Not passed on: the session never opened, so it leaves no audit record and sends nothing.
        ctx.close();
    }

    /** Admitted (removed from the pipeline) or closed (every handler is removed then): the place is free. */
    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (held != null) {
            pending.release(held);
            held = null;
        }
    }
}
