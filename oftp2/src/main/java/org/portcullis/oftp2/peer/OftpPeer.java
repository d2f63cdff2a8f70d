package org.portcullis.oftp2.peer;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * The threads of the reference peer (RFC 5024 §4): NIO event loops for the network and a separate
 * executor group for the session handlers, whose file reads and writes must not block an event loop.
 * Many sessions, servers and clients share one instance.
 */
public final class OftpPeer implements AutoCloseable {
    private static final Duration QUIET_PERIOD = Duration.ofMillis(50);

    private final EventLoopGroup ioGroup;
    private final EventExecutorGroup sessionExecutors;
    private final boolean owned;

    /** Uses threads the caller owns and shuts down. */
    public OftpPeer(EventLoopGroup ioGroup, EventExecutorGroup sessionExecutors) {
        this(ioGroup, sessionExecutors, false);
    }

    private OftpPeer(EventLoopGroup ioGroup, EventExecutorGroup sessionExecutors, boolean owned) {
        this.ioGroup = ioGroup;
        this.sessionExecutors = sessionExecutors;
        this.owned = owned;
    }

    /**
     * A peer with its own threads: {@code ioThreads} event loops and {@code sessionThreads} session
     * executors (a session stays on one executor, so this bounds the sessions doing file I/O at once).
     */
    public static OftpPeer create(int ioThreads, int sessionThreads) {
        return new OftpPeer(new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory()),
                new DefaultEventExecutorGroup(sessionThreads), true);
    }

    /** Starts a Responder listening on {@code address}. */
    public PeerServer listen(PeerConfig config, InetSocketAddress address, Consumer<SessionResult> resultListener)
            throws SSLException, InterruptedException {
        return PeerServer.bind(config, address, ioGroup, sessionExecutors, resultListener);
    }

    /** An Initiator with this configuration. */
    public PeerClient client(PeerConfig config) throws SSLException {
        return new PeerClient(config, ioGroup, sessionExecutors);
    }

    /** Shuts the threads down when this instance created them; blocks until they have stopped. */
    @Override
    public void close() {
        if (owned) {
            long quiet = QUIET_PERIOD.toMillis();
            ioGroup.shutdownGracefully(quiet, 5_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
            sessionExecutors.shutdownGracefully(quiet, 5_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
    }
}
