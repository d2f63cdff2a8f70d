package org.portcullis.relay.server.session;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.proxy.ProxyConnectException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.relay.server.session.AuditRecord.Verdict;

/**
 * The {@code errors} end of a partner connection: whatever went wrong ends the session once (RFC 5024 §4.7):
 * a protocol fault from the partner's decoders with ESID and its reason, a failed TLS handshake or an egress
 * proxy's refusal to connect an outgoing session as a refusal,
 * silence in both directions with ESID 09, a broken connection without ESID. Later faults are only logged at
 * DEBUG: the session already ended and said why.
 */
public final class SessionErrorHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private final RelaySession session;
    private final Duration idleTimeout;

    /** @param idleTimeout the configured timeouts.idle, for the reason text */
    public SessionErrorHandler(RelaySession session, Duration idleTimeout) {
        this.session = session;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable fault = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (session.ended()) {
            LOG.debug("{} after the end of the session: {}", session.log(), fault.toString());
        } else if (fault instanceof OftpProtocolException violation) {
            session.fail(Verdict.VIOLATION, violation.reason(), "partner: " + violation.getMessage());
        } else if (fault instanceof SSLHandshakeException || fault instanceof ProxyConnectException) {
            session.fail(Verdict.REFUSED, null, handshakeFailure(fault));
        } else if (fault instanceof SSLException || fault instanceof IOException) {
            session.fail(Verdict.ENDED, null, "connection failed: " + fault);
        } else {
            LOG.error("{} unexpected failure", session.log(), fault);
            session.fail(Verdict.ENDED, EsidReason.UNSPECIFIED_ABORT_CODE, "internal error: " + fault);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            session.fail(Verdict.REFUSED, null, handshakeFailure(handshake.cause()));
        } else if (event instanceof IdleStateEvent) {
            session.fail(Verdict.ENDED, EsidReason.TIME_OUT, "nothing sent either way for " + idleTimeout.toMillis()
                    + " ms");
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    /**
     * Why a connection did not get through TLS: an egress proxy that refused the tunnel also fails the handshake
     * (its first write), and is the reason to name.
     */
    private static String handshakeFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProxyConnectException proxy) {
                return "egress proxy: " + proxy.getMessage();
            }
        }
        return "TLS handshake failed: " + failure.getMessage();
    }
}
