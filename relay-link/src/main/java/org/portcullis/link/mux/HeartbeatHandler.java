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
 * The {@code heartbeat} handler, behind {@code idle} and the frame codec: sends PING when nothing was written for the
 * heartbeat interval, answers the peer's PING, and declares the link dead when nothing arrived for the heartbeat
 * timeout. relay-server
 * greets with a PING at once; the first frame from the peer is announced with {@link PeerAdmittedEvent}.
 */
public final class HeartbeatHandler extends ChannelDuplexHandler {
    private final Duration timeout;
    private final boolean greet;
    private boolean heardFromPeer;
    private int nextPing;

    /**
     * @param timeout how long without a frame from the peer before the link is dead
     * @param greet   whether to send a PING as soon as the link protocol starts (relay-server does)
     */
    public HeartbeatHandler(Duration timeout, boolean greet) {
        this.timeout = timeout;
        this.greet = greet;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (greet) {
            ping(ctx);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!heardFromPeer && msg instanceof LinkFrame) {
            heardFromPeer = true;
            ctx.fireUserEventTriggered(PeerAdmittedEvent.INSTANCE);
        }
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
            ctx.fireExceptionCaught(new LinkException("heartbeat: nothing from the peer for "
                    + timeout.toMillis() + " ms; the link is dead"));
        } else if (idle.state() == IdleState.WRITER_IDLE) {
            ping(ctx);
        }
    }

    private void ping(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(LinkFrame.ping(LinkFrame.SYN, ++nextPing))
                .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }
}
