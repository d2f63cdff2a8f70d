package org.portcullis.oftp2.peer;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.OftpCommand;

/**
 * Runs one OFTP session of the reference peer (RFC 5024 §4): starts it when the connection (and TLS) is
 * up, passes each command to the current phase, turns violations into ESID and inactivity into ESID 09,
 * and reports the {@link SessionResult} when the connection closes.
 *
 * <p>The handler sits on the event loop but does its work on one executor of the session group, in
 * the order the events came: the phases read and write files, which must not block an event loop.
 * (Netty 4.2 deprecates adding a handler with its own executor group, so the hand-off is explicit.)
 * The queue this makes is bounded by OFTP itself: a Speaker sends at most a credit window of DATA
 * before it needs the CDT that only the executor sends.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private final PeerConfig config;
    private final Role role;
    private final boolean tls;
    private final EventExecutorGroup sessionExecutors;
    private final Consumer<SessionResult> resultListener;
    private EventExecutor executor;
    private PeerSession session;

    SessionHandler(PeerConfig config, Role role, boolean tls, EventExecutorGroup sessionExecutors,
            Consumer<SessionResult> resultListener) {
        this.config = config;
        this.role = role;
        this.tls = tls;
        this.sessionExecutors = sessionExecutors;
        this.resultListener = resultListener;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        executor = sessionExecutors.next();
        session = new PeerSession(ctx, config, role, ctx.channel().id().asShortText(), executor);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        onExecutor(() -> {
            LOG.info("{} connected {} {} as {}", session.log(), role == Role.INITIATOR ? "to" : "from",
                    ctx.channel().remoteAddress(), role);
            if (!tls) {
                start();
            }
        });
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            onExecutor(() -> onHandshake(handshake));
        } else if (event instanceof IdleStateEvent) {
            onExecutor(() -> {
                if (!session.ended()) {
                    session.end(EsidReason.TIME_OUT,
                            "no command for " + config.inactivityTimeout().toMillis() + " ms");
                }
            });
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            executor.execute(() -> {
                try {
                    if (message instanceof OftpCommand command && !session.ended()) {
                        guarded(() -> onCommand(command));
                    }
                } finally {
                    // A Data holds a buffer; the phases copy what they need before this.
                    ReferenceCountUtil.release(message);
                }
            });
        } catch (RejectedExecutionException e) {
            ReferenceCountUtil.release(message);
            ctx.close();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        onExecutor(() -> {
            if (ctx.channel().isWritable() && session.phase() != null && !session.ended()) {
                guarded(() -> session.phase().onWritable());
            }
        });
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        onExecutor(() -> onException(cause));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        onExecutor(() -> {
            if (session.phase() != null) {
                session.phase().abandon();
            }
            SessionResult result = session.record().toResult();
            LOG.info("{} closed: {}", session.log(), result.outcome());
            resultListener.accept(result);
        });
        ctx.fireChannelInactive();
    }

    private void onHandshake(SslHandshakeCompletionEvent handshake) {
        if (handshake.isSuccess()) {
            start();
        } else {
            LOG.warn("{} TLS handshake failed: {}", session.log(), handshake.cause().toString());
            session.failed("TLS handshake failed: " + handshake.cause().getMessage());
        }
    }

    private void onException(Throwable cause) {
        Throwable fault = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (fault instanceof OftpProtocolException violation) {
            session.end(violation);
            return;
        }
        if (session.hasFailed()) {
            LOG.debug("{} connection failed: {}", session.log(), fault.toString());
        } else {
            LOG.warn("{} connection failed: {}", session.log(), fault.toString());
        }
        session.failed(fault.getClass().getSimpleName() + ": " + fault.getMessage());
    }

    private void onExecutor(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // The session executors are shutting down: nothing can run this session any more.
            session.ctx().close();
        }
    }

    private void start() {
        guarded(() -> session.enter(role == Role.RESPONDER
                ? new ResponderStartPhase(session) : new InitiatorStartPhase(session)));
    }

    private void onCommand(OftpCommand command) throws IOException {
        session.received(command);
        if (command instanceof Esid esid) {
            session.endedByPartner(esid);
        } else if (session.phase() == null) {
            throw new OftpProtocolException(EsidReason.PROTOCOL_VIOLATION, null,
                    command.commandCode() + " before the session started");
        } else {
            session.phase().onCommand(command);
        }
    }

    /** The boundary of the phases: every failure ends the session with the fitting ESID. */
    private void guarded(PhaseAction action) {
        try {
            action.run();
        } catch (OftpProtocolException violation) {
            session.end(violation);
        } catch (IOException e) {
            LOG.warn("{} local file failure: {}", session.log(), e.toString());
            session.end(EsidReason.RESOURCES_NOT_AVAILABLE, "local file failure");
        } catch (RuntimeException e) {
            LOG.error("{} internal failure", session.log(), e);
            session.end(EsidReason.UNSPECIFIED_ABORT_CODE, "internal failure");
        }
    }

    @FunctionalInterface
    private interface PhaseAction {
        void run() throws IOException;
    }
}
