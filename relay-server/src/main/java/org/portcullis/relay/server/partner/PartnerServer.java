package org.portcullis.relay.server.partner;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.Addresses;
import org.portcullis.config.ListenerConfig;

/**
 * One public OFTP2-over-TLS listener (RFC 5024 §2.3). It binds without accepting, so a new configuration can
 * bind all its listeners before it takes effect, and accepts from {@link #accept()} on. Closing it closes the
 * listening socket only: accepted sessions run on to their end.
 */
public final class PartnerServer {
    private static final Logger LOG = LogManager.getLogger();

    private final ListenerConfig listener;
    private final EventLoopGroup group;
    private final PartnerInitializer initializer;
    private volatile Channel channel;

    public PartnerServer(ListenerConfig listener, EventLoopGroup group, PartnerInitializer initializer) {
        this.listener = listener;
        this.group = group;
        this.initializer = initializer;
    }

    /** Binds the listening socket, not accepting yet; completes with the address bound. */
    public CompletableFuture<InetSocketAddress> bind() {
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        ChannelFuture bind = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind(listener.socketAddress());
        bind.addListener(done -> {
            if (done.isSuccess()) {
                channel = bind.channel();
                bound.complete((InetSocketAddress) channel.localAddress());
            } else {
                bound.completeExceptionally(done.cause());
            }
        });
        return bound;
    }

    /** Starts accepting partners. */
    public void accept() {
        channel.config().setAutoRead(true);
        LOG.info("listening for partners on {}", Addresses.display(localAddress()));
    }

    /** The address bound. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    public ListenerConfig listener() {
        return listener;
    }

    /** Closes the listening socket; sessions accepted from it go on. */
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Channel listening = channel;
        if (listening == null) {
            closed.complete(null);
            return closed;
        }
        InetSocketAddress address = (InetSocketAddress) listening.localAddress();
        listening.close().addListener(done -> {
            LOG.info("stopped listening for partners on {}", Addresses.display(address));
            closed.complete(null);
        });
        return closed;
    }
}
