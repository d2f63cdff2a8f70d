package org.portcullis.oftp2.peer;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;

/**
 * A calling reference peer: the Initiator of RFC 5024 §4.2. One client serves any number of sessions
 * with the same configuration; the TLS context is built once.
 */
public final class PeerClient {
    private final PeerConfig config;
    private final EventLoopGroup group;
    private final EventExecutorGroup sessionExecutors;
    private final SslContext sslContext;

    /**
     * @param group            NIO event loops for the connections
     * @param sessionExecutors the executors the session handlers, and their file I/O, run on
     */
    public PeerClient(PeerConfig config, EventLoopGroup group, EventExecutorGroup sessionExecutors)
            throws SSLException {
        this.config = config;
        this.group = group;
        this.sessionExecutors = sessionExecutors;
        this.sslContext = config.tls() == null ? null : config.tls().newClientContext();
    }

    /**
     * Connects and runs one session. The future always completes normally: a connection that fails
     * gives a result with outcome {@link SessionOutcome#CONNECTION_FAILED}.
     */
    public CompletableFuture<SessionResult> connect(InetSocketAddress remote) {
        CompletableFuture<SessionResult> result = new CompletableFuture<>();
        PeerInitializer initializer = new PeerInitializer(config, Role.INITIATOR, sslContext, remote,
                sessionExecutors, result::complete, null);
        ChannelFuture connect = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, PeerInitializer.WATER_MARK).handler(initializer)
                .connect(remote);
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                result.complete(new SessionResult(connect.channel().id().asShortText(), null, List.of(), null,
                        null, SessionOutcome.CONNECTION_FAILED, "cannot connect to " + remote + ": "
                        + done.cause().getMessage()));
            }
        });
        return result;
    }
}
