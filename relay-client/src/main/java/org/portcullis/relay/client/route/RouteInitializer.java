package org.portcullis.relay.client.route;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.util.function.Supplier;
import org.portcullis.link.Link;
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
    private final Supplier<Link> links;

    RouteInitializer(String routeName, Supplier<Link> links) {
        this.routeName = routeName;
        this.links = links;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        RouteHandler route = new RouteHandler(routeName, links);
        channel.pipeline()
                .addLast(ROUTE, route)
                .addLast(ERRORS, new StreamErrorHandler(route.sessionId(), null));
    }
}
