package org.portcullis.relay.server.partner;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.PartnerConfig;
import org.portcullis.config.RelayConfig;
import org.portcullis.link.LinkStream;
import org.portcullis.link.StreamKind;
import org.portcullis.link.StreamOpen;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;
import org.portcullis.relay.server.license.RunningLicense;
import org.portcullis.relay.server.license.RunningLicense.SessionLimit;
import org.portcullis.relay.server.session.AuditRecord.Verdict;
import org.portcullis.relay.server.session.RelayHandler;
import org.portcullis.relay.server.session.RelaySession;
import org.portcullis.relay.server.tls.PeerCertificates;

/**
 * The {@code ssidAuth} step of an incoming session (RFC 5024 §4.2, §5.3.1, §5.3.2): once TLS is up the relay
 * sends SSRM itself, reads the partner's SSID and checks, in this order, the link, a drain (relay-server is
 * stopping), the license's expiry and the session limit (the lower of the configuration's and the license's)
 * (ESID 08), the Odette ID (03), the password (04, hashed off the event loop unless it matched before), the
 * client certificate (04), the source address (03) and the protocol level and capabilities (10). Only then it
 * opens a stream to the inside,
 * passes the SSID into it and hands the connection to the {@code relay} handler. A refusal sends ESID, closes
 * and leaves one audit record; nothing of a refused partner goes inside.
 */
public final class SsidAuthHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private final RelaySession session;
    private final RelayConfig config;
    private final PartnerServices services;
    private ScheduledFuture<?> ssidTimeout;
    private boolean ssidReceived;

    SsidAuthHandler(RelaySession session, RelayConfig config, PartnerServices services) {
        this.session = session;
        this.config = config;
        this.services = services;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        session.opened();
        LOG.debug("{} connection from {}", session.log(), session.peer());
        // Auto-read is off for the whole connection: this first read starts the TLS handshake, which then
        // reads what it needs by itself.
        ctx.read();
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake && handshake.isSuccess()) {
            startSession(ctx);
        }
        // Handshake failures go on to the errors handler, which refuses the session.
        ctx.fireUserEventTriggered(event);
    }

    /** TLS is up: the relay is the Responder towards the partner and speaks first (RFC 5024 §4.2.1). */
    private void startSession(ChannelHandlerContext ctx) {
        List<X509Certificate> chain = PeerCertificates.of(ctx.pipeline().get(SslHandler.class));
        session.certificate(chain.isEmpty() ? null : chain.get(0));
        services.crls().seen(chain);
        try {
            session.inspector().fromInside(session.log(), Ssrm.INSTANCE);
        } catch (OftpProtocolException impossible) {
            throw new IllegalStateException("SSRM opens every session", impossible);
        }
        ctx.writeAndFlush(Ssrm.INSTANCE).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        long timeout = config.timeouts().ssid().toMillis();
        ssidTimeout = ctx.executor().schedule(() -> {
            if (!ssidReceived) {
                session.fail(Verdict.REFUSED, EsidReason.TIME_OUT, "no SSID within " + timeout + " ms");
            }
        }, timeout, TimeUnit.MILLISECONDS);
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof OftpCommand command)) {
            ctx.fireChannelRead(message);
            return;
        }
        try {
            if (session.ended()) {
                return;
            }
            if (ssidReceived || !(command instanceof Ssid ssid)) {
                throw new OftpProtocolException(EsidReason.PROTOCOL_VIOLATION, null, command.commandCode()
                        + (ssidReceived ? " before the relay answered the SSID" : " where the SSID was expected"));
            }
            ssidReceived = true;
            ssidTimeout.cancel(false);
            session.odetteId(ssid.odetteId());
            admit(ctx, ssid);
        } catch (OftpProtocolException refusal) {
            refuse(refusal);
        } finally {
            ReferenceCountUtil.release(command);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Read on until the SSID is here; then nothing more until the session is admitted.
        if (!ssidReceived && !session.ended()) {
            ctx.read();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ssidTimeout != null) {
            ssidTimeout.cancel(false);
        }
        session.fail(Verdict.REFUSED, null, "the partner closed the connection before its session started");
        ctx.fireChannelInactive();
    }

    /** The checks that need no CPU: resources first, so an unavailable relay hashes nothing. */
    private void admit(ChannelHandlerContext ctx, Ssid ssid) {
        if (services.link().current().isEmpty()) {
            throw new OftpProtocolException(EsidReason.RESOURCES_NOT_AVAILABLE, null, "no link to relay-client");
        }
        if (services.support().sessions().draining()) {
            throw new OftpProtocolException(EsidReason.RESOURCES_NOT_AVAILABLE, null, "relay-server is shutting down");
        }
        RunningLicense license = services.support().license();
        Optional<String> lapsed = license.refuseNewSession(session.log());
        if (lapsed.isPresent()) {
            throw new OftpProtocolException(EsidReason.RESOURCES_NOT_AVAILABLE, null, lapsed.get());
        }
        SessionLimit limit = license.sessionLimit(config.limits().maxSessions());
        if (!session.acquireSlot(limit.max())) {
            throw new OftpProtocolException(EsidReason.RESOURCES_NOT_AVAILABLE, null, limit.reached());
        }
        PartnerConfig partner = PartnerCheck.known(config, ssid);
        CompletableFuture<Boolean> password;
        try {
            password = services.passwords().verify(partner.passwordHash(), ssid.password());
        } catch (RejectedExecutionException busy) {
            throw new OftpProtocolException(EsidReason.RESOURCES_NOT_AVAILABLE, null, "password checks are queued full");
        }
        password.whenCompleteAsync((matches, failure) -> {
            if (failure != null) {
                session.fail(Verdict.REFUSED, EsidReason.UNSPECIFIED_ABORT_CODE, "password check failed: " + failure);
            } else if (!session.ended()) {
                verified(ctx, ssid, partner, matches);
            }
        }, ctx.executor());
    }

    /** Back on the event loop with the password's verdict: the remaining checks, then the stream. */
    private void verified(ChannelHandlerContext ctx, Ssid ssid, PartnerConfig partner, boolean passwordMatches) {
        try {
            PartnerCheck.password(passwordMatches);
            PartnerCheck.certificate(partner, session.certificate());
            PartnerCheck.source(partner, ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress());
            PartnerCheck.capabilities(ssid);
            session.inspector().fromPartner(session.log(), ssid);
        } catch (OftpProtocolException refusal) {
            refuse(refusal);
            return;
        }
        LOG.info("{} partner admitted from {}{}", session.log(), session.peer(), session.certificate() == null
                ? " without a certificate" : " with certificate " + session.certificate().getSubjectX500Principal());
        services.link().openStream(new StreamOpen(StreamKind.INCOMING, session.id(), ssid.odetteId(), null,
                session.peer())).whenComplete((stream, failure) -> {
                    try {
                        ctx.executor().execute(() -> streamOpened(ctx, ssid, stream, failure));
                    } catch (RejectedExecutionException shuttingDown) {
                        if (stream != null) {
                            stream.reset("relay-server is shutting down");
                        }
                    }
                });
    }

    private void streamOpened(ChannelHandlerContext ctx, Ssid ssid, LinkStream stream, Throwable failure) {
        if (failure != null) {
            session.fail(Verdict.REFUSED, EsidReason.RESOURCES_NOT_AVAILABLE, "no stream to the inside: "
                    + failure.getMessage());
            return;
        }
        if (session.ended()) {
            stream.reset("the partner's session ended while the stream was opened");
            return;
        }
        session.stream(stream);
        if (ctx.pipeline().get(PartnerInitializer.PENDING) != null) {
            // Admitted: the connection no longer counts against the limits of those not yet admitted.
            ctx.pipeline().remove(PartnerInitializer.PENDING);
        }
        LinkLoopMove.move(ctx.channel(), stream.link().eventLoop(), config.timeouts().idle(), () -> {
            if (session.ended()) {
                return;
            }
            RelayHandler relay = new RelayHandler(session, null);
            ctx.pipeline().replace(this, "relay", relay);
            relay.start(ssid);
        }, cause -> session.fail(Verdict.ENDED, EsidReason.UNSPECIFIED_ABORT_CODE,
                "the connection could not move to the link's event loop: " + cause));
    }

    private void refuse(OftpProtocolException refusal) {
        session.fail(Verdict.REFUSED, refusal.reason(), refusal.getMessage());
    }
}
