package org.portcullis.relay.client.route;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.util.function.Supplier;
import org.portcullis.config.Addresses;
import org.portcullis.daemon.control.SessionTag;
import org.portcullis.link.Link;
import org.portcullis.relay.client.stream.ClientSession;
import org.portcullis.relay.client.stream.ClientSessions;
import org.portcullis.relay.client.stream.StreamErrorHandler;

/**
 * Assembles the pipeline of an inside connection to a route's port: {@code route} → {@code errors}; once the
 * stream is open, {@code relay} replaces {@code route}.
 */
final class RouteInitializer extends ChannelInitializer<SocketChannel> {
    static final String ROUTE = "route";
    static final String RELAY = "relay";
    static final String ERRORS = "errors";

    private final String routeName;
    private final String partnerOdetteId;
    private final Supplier<Link> links;
    private final ClientSessions sessions;

    /** @param partnerOdetteId the route's partner, in the session's log tag from the start */
    RouteInitializer(String routeName, String partnerOdetteId, Supplier<Link> links, ClientSessions sessions) {
        this.routeName = routeName;
        this.partnerOdetteId = partnerOdetteId;
        this.links = links;
        this.sessions = sessions;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ClientSession session = sessions.open(new SessionTag(SessionIds.next(), partnerOdetteId),
                ClientSession.Direction.OUTGOING, Addresses.display(channel.remoteAddress()));
        session.attach(channel);
        channel.pipeline()
                .addLast(ROUTE, new RouteHandler(routeName, links, session, sessions))
                .addLast(ERRORS, new StreamErrorHandler(session, null));
    }
}
