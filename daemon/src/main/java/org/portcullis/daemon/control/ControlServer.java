package org.portcullis.daemon.control;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.daemon.DaemonException;

/**
 * The control port: a TCP listener on loopback for one request per connection (a line with the secret, a line
 * with the command) answered with {@code OK} or {@code ERROR …} and the answer's lines, then closed. See
 * docs/operations.md, "Control port".
 */
public final class ControlServer implements AutoCloseable {
    /** A connection that has not sent its request within this time is closed. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LogManager.getLogger();

    private final ControlAddress address;
    private final EventLoopGroup group;
    private final ControlInitializer initializer;
    private Channel channel;

    /**
     * @param address  where to listen; port 0 for any free one
     * @param group    the event loop the control port runs on; its commands do not block
     */
    public ControlServer(ControlAddress address, ControlSecret secret, ControlCommands commands,
            EventLoopGroup group) {
        this.address = address;
        this.group = group;
        this.initializer = new ControlInitializer(secret, commands, REQUEST_TIMEOUT);
    }

    /**
     * Binds; blocks until bound, so call it off event loops.
     *
     * @return the address bound (its real port when port 0 was asked for)
     * @throws DaemonException {@link DaemonException#SETUP_FAILED} when it cannot listen
     */
    public ControlAddress start() {
        try {
            channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(initializer).bind(address.socketAddress()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaemonException(DaemonException.SETUP_FAILED, "interrupted while opening the control port");
        } catch (Exception e) {
            // sync() rethrows the bind's own failure (a BindException, say) unwrapped.
            throw new DaemonException(DaemonException.SETUP_FAILED, "the control port cannot listen on "
                    + address + ": " + e.getMessage(), e);
        }
        ControlAddress bound = localAddress();
        LOG.info("control port listening on {}", bound);
        return bound;
    }

    public ControlAddress localAddress() {
        return new ControlAddress((InetSocketAddress) channel.localAddress());
    }

    /** Stops listening; blocks until closed. */
    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
    }
}
