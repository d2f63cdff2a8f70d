package org.portcullis.link;

import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/** relay-client's end of the link: dials the server, keeps one link up, reconnects with capped backoff and jitter. */
public final class LinkConnector {
    private final EventLoopGroup group;
    private final InetSocketAddress server;
    private final InetAddress localAddress;
    private final LinkCredentials credentials;
    private final LinkSettings settings;
    private final Backoff backoff;
    private final LinkListener listener;

    /**
     * @param localAddress the address to dial from ({@code -o}), or null for any
     */
    public LinkConnector(EventLoopGroup group, InetSocketAddress server, InetAddress localAddress,
                         LinkCredentials creds, LinkSettings settings, Backoff backoff, LinkListener listener) {
        this.group = Objects.requireNonNull(group, "group");
        this.server = Objects.requireNonNull(server, "server");
        this.localAddress = localAddress;
        this.credentials = Objects.requireNonNull(creds, "creds");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Dials; on failure or link loss dials again after the backoff. */
    public void start() {
        throw new LinkException("not implemented yet: " + group + server + localAddress + credentials + settings
                + backoff + listener);
    }

    /** Stops reconnecting and closes the current link. */
    public void close() {
    }

    /** The link while it is up. */
    public Optional<Link> current() {
        return Optional.empty();
    }
}
