package org.portcullis.relay.client.stream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.LinkStream;

/**
 * The {@code errors} handler, last in the pipeline of a socket to the inside daemon: logs the first failure once,
 * resets the session's stream with the reason (relay-server then ends the partner's session) and closes the socket.
 */
public final class StreamErrorHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private final String session;
    private volatile LinkStream stream;
    private boolean failed;

    /**
     * @param session the log label of the session
     * @param stream  the session's stream, or {@code null} while it is still being opened (see {@link #attach})
     */
    public StreamErrorHandler(String session, LinkStream stream) {
        this.session = session;
        this.stream = stream;
    }

    /** The stream opened for this socket: from now on a failure resets it. */
    public void attach(LinkStream openedStream) {
        this.stream = openedStream;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failed) {
            return;
        }
        failed = true;
        String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        LOG.warn("[{}] inside connection failed: {}", session, reason);
        LinkStream current = stream;
        if (current != null) {
            current.reset("relay-client: " + reason);
        }
        ctx.close();
    }
}
