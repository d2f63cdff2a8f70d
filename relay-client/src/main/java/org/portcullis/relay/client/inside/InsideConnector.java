package org.portcullis.relay.client.inside;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.LinkStream;
import org.portcullis.relay.client.stream.SessionLabel;

/**
 * Carries each incoming session (DESIGN.md, session flow incoming, step 3) to the inside OFTP2 daemon: connects
 * within the configured timeout, checks and swallows the daemon's SSRM, then relays. A daemon that cannot be
 * reached gets the stream reset with the reason, so relay-server ends the partner's session.
 */
public final class InsideConnector {
    private static final Logger LOG = LogManager.getLogger();

    private final EventLoopGroup group;
    private final Supplier<InsideTarget> target;
    private final Duration ssrmTimeout;

    /**
     * @param group       the event loops of the inside connections
     * @param target      the inside daemon of the current configuration; null before the first configuration
     * @param ssrmTimeout how long the daemon may take to send SSRM once connected
     */
    public InsideConnector(EventLoopGroup group, Supplier<InsideTarget> target, Duration ssrmTimeout) {
        this.group = group;
        this.target = target;
        this.ssrmTimeout = ssrmTimeout;
    }

    /** Starts carrying {@code stream} inside; never blocks. */
    public void connect(LinkStream stream) {
        String session = SessionLabel.of(stream.open());
        InsideTarget inside = target.get();
        if (inside == null) {
            // relay-server kept a configuration from an earlier run of relay-client, which has none yet.
            LOG.warn("[{}] incoming session before relay-client has a configuration; stream reset", session);
            stream.reset("relay-client has no configuration yet, so no inside daemon");
            return;
        }
        if (inside.address().isUnresolved()) {
            LOG.warn("[{}] inside daemon {} cannot be resolved; stream reset", session, inside.display());
            stream.reset("relay-client cannot resolve the inside daemon " + inside.display());
            return;
        }
        LOG.info("[{}] incoming session from {}: connecting to the inside daemon {}", session,
                stream.open().peerAddress(), inside.display());
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                // Nothing is read until the relay asks: the stream's window is the only buffer.
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        inside.connectTimeout().toMillis()))
                .handler(new InsideInitializer(stream, session, ssrmTimeout))
                .connect(inside.address())
                .addListener(connect -> {
                    if (!connect.isSuccess()) {
                        LOG.warn("[{}] inside daemon {} unreachable: {}; stream reset", session, inside.display(),
                                connect.cause().getMessage());
                        stream.reset("relay-client cannot reach the inside daemon " + inside.display() + ": "
                                + connect.cause().getMessage());
                    }
                });
    }
}
