package org.portcullis.link.mux;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.frame.LinkFrameDecoder;
import org.portcullis.link.frame.LinkFrameEncoder;

/**
 * The {@code linkAdmission} handler: waits for the TLS handshake; a failed one is logged once (WARN, peer address)
 * and closed; an authenticated peer the admission accepts gets the link protocol handlers in place of this one.
 * Until then no link protocol handler exists, so an unauthenticated peer gets nothing.
 */
public final class LinkAdmissionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private final LinkEndpoint endpoint;
    private boolean refused;

    public LinkAdmissionHandler(LinkEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof SslHandshakeCompletionEvent handshake)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        if (!handshake.isSuccess()) {
            refuse(ctx, handshake.cause());
            return;
        }
        X509Certificate peer;
        try {
            peer = (X509Certificate) ctx.pipeline().get(SslHandler.class).engine().getSession()
                    .getPeerCertificates()[0];
        } catch (SSLPeerUnverifiedException e) {
            refuse(ctx, e);
            return;
        }
        if (!endpoint.admission().admit(ctx.channel(), peer)) {
            refused = true;
            ctx.close();
            return;
        }
        installLinkProtocol(ctx, peer);
    }

    private void installLinkProtocol(ChannelHandlerContext ctx, X509Certificate peer) {
        long interval = endpoint.side().settings().heartbeatInterval().toMillis();
        long timeout = endpoint.side().settings().heartbeatTimeout().toMillis();
        String self = ctx.name();
        // idle sits before the decoder: any octet from the peer proves it alive, even mid-way through a large frame.
        ctx.pipeline()
                .addBefore(self, "idle", new IdleStateHandler(timeout, interval, 0, TimeUnit.MILLISECONDS))
                .addBefore(self, "linkFrameDecoder", new LinkFrameDecoder())
                .addBefore(self, "linkFrameEncoder", new LinkFrameEncoder())
                .addBefore(self, "heartbeat", new HeartbeatHandler(endpoint.side().settings().heartbeatTimeout(),
                        endpoint.side().role() == LinkRole.SERVER))
                .replace(this, "mux", new MuxHandler(endpoint.side(), peer));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Nothing is read before the handshake completes; anything after a refusal is dropped.
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        refuse(ctx, cause);
    }

    private void refuse(ChannelHandlerContext ctx, Throwable cause) {
        if (!refused && cause instanceof ClosedChannelException) {
            refused = true;
            LOG.debug("link: connection with {} closed during the TLS handshake",
                    PeerAddress.format(ctx.channel().remoteAddress()));
        } else if (!refused) {
            refused = true;
            LOG.warn("link: TLS handshake with {} failed, closing: {}", PeerAddress.format(ctx.channel().remoteAddress()),
                    rootMessage(cause));
        }
        ctx.close();
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause ? String.valueOf(cause) : cause.getClass().getSimpleName() + ": " + root;
    }
}
