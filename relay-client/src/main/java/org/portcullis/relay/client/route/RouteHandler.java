package org.portcullis.relay.client.route;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.Addresses;
import org.portcullis.link.Link;
import org.portcullis.link.LinkStream;
import org.portcullis.link.StreamKind;
import org.portcullis.link.StreamOpen;
import org.portcullis.relay.client.stream.ClientSession;
import org.portcullis.relay.client.stream.ClientSessions;
import org.portcullis.relay.client.stream.StreamErrorHandler;
import org.portcullis.relay.client.stream.StreamRelayHandler;

/**
 * Starts an outgoing session (DESIGN.md, session flow outgoing) for a connection the inside daemon made to a
 * route's port: opens an OUTGOING stream named after the route and hands the connection to {@code relay}. Without
 * a link, or while relay-client drains, the connection is closed at once. Nothing is read from the daemon until the
 * stream is open.
 */
final class RouteHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private final String routeName;
    private final Supplier<Link> links;
    private final ClientSession session;
    private final ClientSessions sessions;

    RouteHandler(String routeName, Supplier<Link> links, ClientSession session, ClientSessions sessions) {
        this.routeName = routeName;
        this.links = links;
        this.session = session;
        this.sessions = sessions;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        String peer = Addresses.display((InetSocketAddress) ctx.channel().remoteAddress());
        Link link = links.get();
        if (sessions.draining() || link == null || !link.isActive()) {
            String why = sessions.draining() ? "relay-client is shutting down" : "no link to relay-server";
            session.refused(sessions.draining() ? ClientSessions.SHUTTING_DOWN : ClientSessions.NO_LINK);
            LOG.warn("{} route {}: {}; inside connection from {} closed", session.tag(), routeName, why, peer);
            ctx.close();
            return;
        }
        LOG.info("{} route {}: inside connection from {}; opening a stream on {}", session.tag(), routeName, peer,
                link.id());
        link.openStream(new StreamOpen(StreamKind.OUTGOING, session.id(), null, routeName, peer))
                .whenComplete((stream, failure) -> {
                    // Completed on the link's event loop: the pipeline changes on the connection's own.
                    if (ctx.executor().isShuttingDown()) {
                        if (stream != null) {
                            stream.reset("relay-client is shutting down");
                        }
                        return;
                    }
                    ctx.executor().execute(() -> opened(ctx, stream, failure));
                });
        ctx.fireChannelActive();
    }

    private void opened(ChannelHandlerContext ctx, LinkStream stream, Throwable failure) {
        if (failure != null) {
            session.refused(ClientSessions.STREAM_REFUSED);
            LOG.warn("{} route {}: relay-server did not open the stream: {}", session.tag(), routeName,
                    failure.getMessage());
            ctx.close();
            return;
        }
        if (!ctx.channel().isActive()) {
            LOG.info("{} route {}: the inside connection closed before the stream opened", session.tag(), routeName);
            stream.reset("the inside connection closed before the stream opened");
            return;
        }
        ctx.pipeline().get(StreamErrorHandler.class).attach(stream);
        ctx.pipeline().replace(this, RouteInitializer.RELAY, new StreamRelayHandler(stream, session));
    }
}
