package org.portcullis.relay.client.stream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.daemon.control.SessionTag;
import org.portcullis.link.LinkStream;

/**
 * The {@code errors} handler, last in the pipeline of a socket to the inside daemon: logs the first failure once,
 * resets the session's stream with the reason (relay-server then ends the partner's session) and closes the socket.
 */
public final class StreamErrorHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private final ClientSession session;
    private volatile LinkStream stream;
    private boolean failed;

    /**
     * @param session the session
     * @param stream  the session's stream, or {@code null} while it is still being opened (see {@link #attach})
     */
    public StreamErrorHandler(ClientSession session, LinkStream stream) {
        this.session = session;
        this.stream = stream;
    }

    /** A session no registry lists, labelled {@code label} in the log (bridges, tests). */
    public StreamErrorHandler(String label, LinkStream stream) {
        this(ClientSession.unlisted(SessionTag.of(label)), stream);
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
        LOG.warn("{} inside connection failed: {}", session.tag(), reason);
        session.failed(ClientSessions.INSIDE_FAILED);
        LinkStream current = stream;
        if (current != null) {
            current.reset("relay-client: " + reason);
        }
        ctx.close();
    }
}
