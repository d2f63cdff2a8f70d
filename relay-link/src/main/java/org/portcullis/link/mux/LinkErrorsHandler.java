package org.portcullis.link.mux;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The {@code errors} handler, last in the pipeline: logs the first failure of the link once and closes it. */
public final class LinkErrorsHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private boolean logged;

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!logged && !(cause instanceof ClosedChannelException)) {
            logged = true;
            LOG.warn("[link-{}] link with {} failed, closing: {}", ctx.channel().id().asShortText(),
                    PeerAddress.format(ctx.channel().remoteAddress()), cause.toString());
            LOG.debug("[link-{}] failure detail", ctx.channel().id().asShortText(), cause);
        }
        ctx.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Nothing should get here; whatever does is released, not leaked.
        LOG.debug("[link-{}] unexpected {}", ctx.channel().id().asShortText(), msg.getClass().getSimpleName());
        ReferenceCountUtil.release(msg);
    }
}
