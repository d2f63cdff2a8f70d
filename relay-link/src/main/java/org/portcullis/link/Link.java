package org.portcullis.link;

import io.netty.channel.EventLoop;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;

/** The one authenticated TLS connection between relay-client and relay-server, carrying streams and control messages. */
public interface Link {

    /** A short id for log lines, e.g. {@code link-3}. */
    String id();

    SocketAddress remoteAddress();

    /** The peer's link certificate (authenticated by TLS). */
    X509Certificate peerCertificate();

    /**
     * Opens a stream; completes once the peer ACKs, fails with {@link LinkException} on refusal or link loss. The
     * future completes on the link's event loop: dependent actions must not block. Cancelling it before the ACK
     * resets the stream once the ACK arrives.
     */
    CompletableFuture<LinkStream> openStream(StreamOpen open);

    /** Sends a control message (thread-safe; never blocks). */
    void sendControl(ControlMessage message);

    boolean isActive();

    /** The number of streams not yet ended. */
    int activeStreams();

    /**
     * The event loop of the link's connection. A connection registered on it hands octets to the link's streams
     * and takes theirs without a thread hop: each hop wakes another thread, which on a busy host may wait
     * milliseconds for a core.
     */
    EventLoop eventLoop();

    /** Completes when the link's connection is closed. */
    CompletableFuture<Void> closeFuture();

    /** Sends GO_AWAY, then closes the connection. */
    void close();
}
