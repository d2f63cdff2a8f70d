package org.portcullis.relay.server.outgoing;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.security.cert.X509Certificate;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.relay.server.link.CrlUrlReporter;
import org.portcullis.relay.server.session.RelaySession;
import org.portcullis.relay.server.tls.PeerCertificates;

/**
 * The {@code partnerCertificate} step of an outgoing session: once TLS has verified the partner's certificate
 * (chain, CRLs, host name), records it for the audit and reports its CRL distribution points, then steps aside.
 */
final class PartnerCertificateHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private final RelaySession session;
    private final CrlUrlReporter crls;

    PartnerCertificateHandler(RelaySession session, CrlUrlReporter crls) {
        this.session = session;
        this.crls = crls;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake && handshake.isSuccess()) {
            List<X509Certificate> chain = PeerCertificates.of(ctx.pipeline().get(SslHandler.class));
            if (!chain.isEmpty()) {
                session.certificate(chain.get(0));
                LOG.info("{} connected to {} ({})", session.log(), session.peer(),
                        chain.get(0).getSubjectX500Principal());
            }
            crls.seen(chain);
            ctx.fireUserEventTriggered(event);
            ctx.pipeline().remove(this);
            return;
        }
        // Failures go on to the errors handler.
        ctx.fireUserEventTriggered(event);
    }
}
