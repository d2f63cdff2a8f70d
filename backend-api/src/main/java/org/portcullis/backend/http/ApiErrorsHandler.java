package org.portcullis.backend.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The last handler: logs what went wrong with a connection once (failed TLS handshakes, resets, bugs) and closes
 * it; closes idle connections. Sharable: stateless.
 */
@ChannelHandler.Sharable
final class ApiErrorsHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            LOG.debug("[{}] idle: closing", Peers.name(ctx.channel()));
            ctx.close();
        } else if (event instanceof SslHandshakeCompletionEvent && !((SslHandshakeCompletionEvent) event).isSuccess()) {
            LOG.info("[{}] TLS handshake failed: {}", Peers.name(ctx.channel()),
                    ((SslHandshakeCompletionEvent) event).cause().getMessage());
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
            LOG.debug("[{}] TLS error: {}", Peers.name(ctx.channel()), cause.getCause().getMessage());
        } else if (cause instanceof IOException) {
            LOG.debug("[{}] connection error: {}", Peers.name(ctx.channel()), cause.getMessage());
        } else {
            LOG.warn("[{}] closing after an error: {}", Peers.name(ctx.channel()), cause.toString());
        }
        ctx.close();
    }
}
