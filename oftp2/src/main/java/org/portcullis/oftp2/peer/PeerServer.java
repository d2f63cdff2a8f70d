package org.portcullis.oftp2.peer;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A listening reference peer: the Responder of RFC 5024 §4.2, one session per accepted connection.
 * Each session's result goes to the listener given at bind time.
 */
public final class PeerServer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final Channel serverChannel;
    private final ChannelGroup sessions;

    private PeerServer(Channel serverChannel, ChannelGroup sessions) {
        this.serverChannel = serverChannel;
        this.sessions = sessions;
    }

    /**
     * Binds and starts accepting. Blocks until bound, so call it from outside the event loops.
     *
     * @param address          where to listen; port 0 picks a free port ({@link #localAddress()} tells which)
     * @param group            NIO event loops for the acceptor and the connections
     * @param sessionExecutors the executors the session handlers, and their file I/O, run on
     * @param resultListener   called once per session, on that session's executor, after it closed
     */
    public static PeerServer bind(PeerConfig config, InetSocketAddress address, EventLoopGroup group,
            EventExecutorGroup sessionExecutors, Consumer<SessionResult> resultListener)
            throws SSLException, InterruptedException {
        SslContext sslContext = config.tls() == null ? null : config.tls().newServerContext();
        ChannelGroup sessions = new DefaultChannelGroup("oftp2-peer-sessions", GlobalEventExecutor.INSTANCE);
        PeerInitializer initializer = new PeerInitializer(config, Role.RESPONDER, sslContext, null,
                sessionExecutors, resultListener, sessions);
        Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, PeerInitializer.WATER_MARK)
                .childHandler(initializer)
                .bind(address).sync().channel();
        LOG.info("listening on {}{}", channel.localAddress(), sslContext == null ? "" : " with TLS");
        return new PeerServer(channel, sessions);
    }

    /** The address actually bound, with the real port when port 0 was asked for. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Stops listening and closes every session still open; blocks until done. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        sessions.close().syncUninterruptibly();
    }
}
