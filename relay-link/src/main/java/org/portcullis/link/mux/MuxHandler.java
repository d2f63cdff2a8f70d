package org.portcullis.link.mux;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.security.cert.X509Certificate;
import org.portcullis.link.Link;
import org.portcullis.link.frame.LinkFrame;

/** The {@code mux} handler: hands frames to the {@link Multiplexer} and tells it about writability and loss. */
public final class MuxHandler extends ChannelInboundHandlerAdapter {
    private final LinkSide side;
    private final X509Certificate peerCertificate;
    // Read by other threads through link() (LinkServer.current()).
    private volatile Multiplexer mux;

    public MuxHandler(LinkSide side, X509Certificate peerCertificate) {
        this.side = side;
        this.peerCertificate = peerCertificate;
    }

    /** The link this handler serves (null before the handler is added). */
    public Link link() {
        return mux;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        mux = new Multiplexer(ctx, side, peerCertificate);
        if (side.role() == LinkRole.SERVER) {
            mux.up();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof PeerAdmittedEvent && side.role() == LinkRole.CLIENT) {
            mux.up();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof LinkFrame frame) {
            mux.onFrame(frame);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            mux.pump();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        mux.failed(cause);
        ctx.fireExceptionCaught(cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        mux.lost();
        ctx.fireChannelInactive();
    }
}
