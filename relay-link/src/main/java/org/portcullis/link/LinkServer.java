package org.portcullis.link;

import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** relay-server's end of the link: listens, admits only an authenticated relay-client, one link at a time. */
public final class LinkServer {
    private final EventLoopGroup group;
    private final InetSocketAddress bind;
    private final LinkCredentials credentials;
    private final LinkSettings settings;
    private final LinkListener listener;

    public LinkServer(EventLoopGroup group, InetSocketAddress bind, LinkCredentials creds, LinkSettings settings,
                      LinkListener listener) {
        this.group = Objects.requireNonNull(group, "group");
        this.bind = Objects.requireNonNull(bind, "bind");
        this.credentials = Objects.requireNonNull(creds, "creds");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Binds (port 0 allowed; {@code [::]} is dual-stack); completes with the bound address. */
    public CompletableFuture<InetSocketAddress> start() {
        return CompletableFuture.failedFuture(new LinkException("not implemented yet: " + group + bind + credentials
                + settings + listener));
    }

    /** Stops listening and closes the active link (GO_AWAY first). */
    public void close() {
    }
}
