package org.portcullis.relay.client.route;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.Addresses;
import org.portcullis.config.RouteConfig;
import org.portcullis.link.Link;
import org.portcullis.relay.client.stream.ClientSessions;

/**
 * The listener of one outgoing route: the local port the inside daemon connects to (default 127.0.0.1:65433).
 * Closing it stops new connections only; sessions already running go on.
 */
final class RouteServer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final String routeName;
    private final InetSocketAddress configuredAddress;
    private final Channel serverChannel;

    private RouteServer(String routeName, InetSocketAddress configuredAddress, Channel serverChannel) {
        this.routeName = routeName;
        this.configuredAddress = configuredAddress;
        this.serverChannel = serverChannel;
    }

    /**
     * Binds the route's listen address; blocks until bound, so call it off the event loops.
     *
     * @throws InterruptedException if interrupted while binding
     * @throws io.netty.channel.ChannelException (or the bind's cause) if the address cannot be bound
     */
    static RouteServer bind(RouteConfig route, EventLoopGroup group, Supplier<Link> links, ClientSessions sessions)
            throws InterruptedException {
        InetSocketAddress address = route.listenSocketAddress();
        Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new RouteInitializer(route.name(), route.partnerOdetteId(), links, sessions))
                .bind(address).sync().channel();
        RouteServer server = new RouteServer(route.name(), address, channel);
        LOG.info("route {}: listening on {} for sessions to {}", route.name(), Addresses.display(server.localAddress()),
                route.partnerOdetteId());
        return server;
    }

    /** The address the configuration names (port 0 stays 0), to tell whether a new configuration moved it. */
    InetSocketAddress configuredAddress() {
        return configuredAddress;
    }

    /** The address actually bound. */
    InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Stops listening; blocks until the port is free, so call it off the event loops. */
    @Override
    public void close() {
        InetSocketAddress bound = localAddress();
        serverChannel.close().syncUninterruptibly();
        LOG.info("route {}: stopped listening on {}", routeName, Addresses.display(bound));
    }
}
