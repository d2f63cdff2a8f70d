package org.portcullis.relay.server.outgoing;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import org.portcullis.config.RelayConfig;
import org.portcullis.config.RouteConfig;
import org.portcullis.link.LinkStream;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.frame.OftpCommandDecoder;
import org.portcullis.oftp2.frame.OftpCommandEncoder;
import org.portcullis.oftp2.frame.StbFrameDecoder;
import org.portcullis.relay.server.config.ActiveConfig;
import org.portcullis.relay.server.link.CrlUrlReporter;
import org.portcullis.relay.server.session.RelayHandler;
import org.portcullis.relay.server.session.IdleTimer;
import org.portcullis.relay.server.session.RelaySession;
import org.portcullis.relay.server.session.SessionErrorHandler;
import org.portcullis.relay.server.session.SessionInspector;
import org.portcullis.relay.server.session.SessionSupport;

/**
 * Assembles the pipeline of one outgoing session to a route's partner (RFC 5024 §2.3, §8.2): [{@code proxy}] →
 * {@code idle} → {@code tls} → {@code stbFrame} → {@code oftpCodec} → {@code partnerCertificate} →
 * {@code relay} → {@code errors}. One initializer per connection: it creates the session, which the connector
 * needs when the connection fails.
 */
final class OutgoingInitializer extends ChannelInitializer<SocketChannel> {
    private final ActiveConfig active;
    private final RouteConfig route;
    private final LinkStream stream;
    private final SessionSupport support;
    private final CrlUrlReporter crls;
    private final InetSocketAddress proxy;
    private volatile RelaySession session;

    /** @param proxy the resolved egress proxy, or {@code null} to connect directly */
    OutgoingInitializer(OutgoingTarget target, LinkStream stream, SessionSupport support, CrlUrlReporter crls,
            InetSocketAddress proxy) {
        this.active = target.active();
        this.route = target.route();
        this.stream = stream;
        this.support = support;
        this.crls = crls;
        this.proxy = proxy;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        RelayConfig config = active.config();
        RelaySession created = new RelaySession(stream.open().sessionId(), RelaySession.Direction.OUTGOING, channel,
                support);
        created.adoptSlot();
        created.stream(stream);
        created.partner(route.partnerHost(), route.partnerPort(), route.name());
        created.odetteId(route.partnerOdetteId());
        session = created;
        SslHandler tls = active.outgoing().newHandler(channel.alloc(), route.partnerHost(), route.partnerPort());
        tls.setHandshakeTimeoutMillis(config.timeouts().tlsHandshake().toMillis());
        ChannelPipeline pipeline = channel.pipeline();
        if (proxy != null) {
            HttpProxyHandler proxyHandler = new HttpProxyHandler(proxy);
            proxyHandler.setConnectTimeoutMillis(config.timeouts().tlsHandshake().toMillis());
            pipeline.addLast("proxy", proxyHandler);
        }
        pipeline.addLast(IdleTimer.NAME, IdleTimer.of(config.timeouts().idle()));
        pipeline.addLast("tls", tls);
        pipeline.addLast("stbFrame", new StbFrameDecoder());
        pipeline.addLast("oftpCodec", new CombinedChannelDuplexHandler<>(
                new OftpCommandDecoder(new CommandParser(SessionInspector.PARSE_MODE)), new OftpCommandEncoder()));
        pipeline.addLast("partnerCertificate", new PartnerCertificateHandler(created, crls));
        pipeline.addLast("relay", new RelayHandler(created, route.partnerOdetteId()));
        pipeline.addLast("errors", new SessionErrorHandler(created, config.timeouts().idle()));
    }

    /** The session, once the channel was registered; {@code null} before. */
    RelaySession session() {
        return session;
    }
}
