package org.portcullis.link.mux;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import org.portcullis.link.LinkException;
import org.portcullis.link.frame.FrameType;
import org.portcullis.link.frame.LinkFrame;

/**
 * The {@code heartbeat} handler, behind {@code idle}: sends PING when nothing was written for the heartbeat interval,
 * answers the peer's PING, and declares the link dead when no frame arrived for the heartbeat timeout.
 */
public final class HeartbeatHandler extends ChannelDuplexHandler {
    private final Duration timeout;
    private int nextPing;

    public HeartbeatHandler(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof LinkFrame frame) || frame.type() != FrameType.PING) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (frame.has(LinkFrame.SYN)) {
            ctx.writeAndFlush(LinkFrame.ping(LinkFrame.ACK, frame.length()))
                    .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        }
        frame.release();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof IdleStateEvent idle)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        if (idle.state() == IdleState.READER_IDLE) {
            ctx.fireExceptionCaught(new LinkException("heartbeat: no frame from the peer for "
                    + timeout.toMillis() + " ms; the link is dead"));
        } else if (idle.state() == IdleState.WRITER_IDLE) {
            ctx.writeAndFlush(LinkFrame.ping(LinkFrame.SYN, ++nextPing))
                    .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        }
    }
}
