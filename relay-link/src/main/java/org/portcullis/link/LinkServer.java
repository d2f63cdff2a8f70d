package org.portcullis.link;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.mux.LinkEndpoint;
import org.portcullis.link.mux.LinkInitializer;
import org.portcullis.link.mux.LinkRole;
import org.portcullis.link.mux.LinkSide;
import org.portcullis.link.mux.MuxHandler;
import org.portcullis.link.mux.PeerAddress;

/** relay-server's end of the link: listens, admits only an authenticated relay-client, one link at a time. */
public final class LinkServer {
    private static final Logger LOG = LogManager.getLogger();
    /** The link connection's outbound buffer; the streams' own queues hold the rest. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(128 * 1024, 256 * 1024);

    private final EventLoopGroup group;
    private final InetSocketAddress bind;
    private final LinkCredentials credentials;
    private final LinkSettings settings;
    private final LinkListener listener;
    private final SingleLinkAdmission admission = new SingleLinkAdmission();
    private volatile Channel serverChannel;

    public LinkServer(EventLoopGroup group, InetSocketAddress bind, LinkCredentials creds, LinkSettings settings,
                      LinkListener listener) {
        this.group = Objects.requireNonNull(group, "group");
        this.bind = Objects.requireNonNull(bind, "bind");
        this.credentials = Objects.requireNonNull(creds, "creds");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Binds (port 0 allowed; {@code [::]} is dual-stack); completes with the bound address, or fails with a
     * {@link LinkException} when the credentials cannot be read or the address cannot be bound.
     */
    public CompletableFuture<InetSocketAddress> start() {
        CompletableFuture<InetSocketAddress> started = new CompletableFuture<>();
        LinkEndpoint endpoint;
        try {
            endpoint = new LinkEndpoint(new LinkSide(LinkRole.SERVER, settings, listener),
                    credentials.serverContext(settings.tlsProvider()), admission);
        } catch (LinkException e) {
            started.completeExceptionally(e);
            return started;
        }
        ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new LinkInitializer(endpoint))
                .bind(bind);
        bound.addListener((ChannelFuture future) -> {
            if (future.isSuccess()) {
                serverChannel = future.channel();
                InetSocketAddress local = (InetSocketAddress) future.channel().localAddress();
                LOG.info("link: listening on {}", PeerAddress.format(local));
                started.complete(local);
            } else {
                started.completeExceptionally(new LinkException("link: cannot listen on "
                        + PeerAddress.format(bind) + ": " + future.cause().getMessage(), future.cause()));
            }
        });
        return started;
    }

    /** The active link, if any. */
    public Optional<Link> current() {
        Channel active = admission.active();
        MuxHandler mux = active == null ? null : active.pipeline().get(MuxHandler.class);
        return Optional.ofNullable(mux == null ? null : mux.link());
    }

    /** Stops listening and closes the active link (GO_AWAY first). */
    public void close() {
        Channel channel = serverChannel;
        if (channel != null) {
            channel.close().addListener(future -> LOG.info("link: stopped listening on {}",
                    PeerAddress.format(channel.localAddress())));
        }
        current().ifPresent(Link::close);
    }
}
