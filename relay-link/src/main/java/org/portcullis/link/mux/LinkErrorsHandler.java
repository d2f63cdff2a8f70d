package org.portcullis.link.mux;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.LinkException;
import org.portcullis.link.frame.LinkFrame;
import org.portcullis.link.frame.LinkFrameEncoder;

/**
 * The {@code errors} handler, last in the pipeline: logs the first failure of the link once and closes it, after a
 * GO_AWAY with code 1 when the peer broke the link protocol.
 */
public final class LinkErrorsHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();
    private static final int GO_AWAY_PROTOCOL_ERROR = 1;

    private boolean failed;

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failed) {
            LOG.debug("[link-{}] after the first failure: {}", ctx.channel().id().asShortText(), cause.toString());
            return;
        }
        failed = true;
        Throwable failure = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (!(failure instanceof ClosedChannelException)) {
            LOG.warn("[link-{}] link with {} failed, closing: {}", ctx.channel().id().asShortText(),
                    PeerAddress.format(ctx.channel().remoteAddress()), failure.getMessage());
            LOG.debug("[link-{}] failure detail", ctx.channel().id().asShortText(), failure);
        }
        if (failure instanceof LinkException && ctx.channel().isWritable()
                && ctx.pipeline().get(LinkFrameEncoder.class) != null) {
            // Best effort: TLS flushes it before close_notify; a dead peer does not delay the close beyond that.
            ctx.writeAndFlush(LinkFrame.goAway(GO_AWAY_PROTOCOL_ERROR)).addListener(future ->
                    LOG.debug("[link-{}] GO_AWAY sent: {}", ctx.channel().id().asShortText(), future.isSuccess()));
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
