package org.portcullis.relay.client.inside;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.daemon.control.SessionTag;
import org.portcullis.link.LinkStream;
import org.portcullis.relay.client.stream.ClientSession;
import org.portcullis.relay.client.stream.ClientSessions;
import org.portcullis.relay.client.stream.SessionLabel;

/**
 * Carries each incoming session (DESIGN.md, session flow incoming, step 3) to the inside OFTP2 daemon: connects
 * within the configured timeout, checks and swallows the daemon's SSRM, then relays. A daemon that cannot be
 * reached gets the stream reset with the reason, so relay-server ends the partner's session; so does a session
 * that comes while relay-client drains.
 *
 * <p>Each inside connection runs on the link's event loop: the session's octets pass between the link and the
 * inside socket with no thread hop, which would cost a wake-up of another thread each way (on a busy two-core
 * host, up to milliseconds of an OFTP2 command's round trip). The link's TLS is one thread's work anyway.
 */
public final class InsideConnector {
    private static final Logger LOG = LogManager.getLogger();

    private final Supplier<InsideTarget> target;
    private final Duration ssrmTimeout;
    private final ClientSessions sessions;

    /**
     * @param target      the inside daemon of the current configuration; null before the first configuration
     * @param ssrmTimeout how long the daemon may take to send SSRM once connected
     * @param sessions    where the sessions are listed
     */
    public InsideConnector(Supplier<InsideTarget> target, Duration ssrmTimeout, ClientSessions sessions) {
        this.target = target;
        this.ssrmTimeout = ssrmTimeout;
        this.sessions = sessions;
    }

    /** Starts carrying {@code stream} inside; never blocks. */
    public void connect(LinkStream stream) {
        SessionTag tag = SessionLabel.of(stream.open());
        InsideTarget inside = usableTarget(tag, stream);
        if (inside == null) {
            return;
        }
        LOG.info("{} incoming session from {}: connecting to the inside daemon {}", tag,
                stream.open().peerAddress(), inside.display());
        ClientSession session = sessions.open(tag, ClientSession.Direction.INCOMING, stream.open().peerAddress());
        ChannelFuture connecting = new Bootstrap().group(stream.link().eventLoop()).channel(NioSocketChannel.class)
                // Nothing is read until the relay asks: the stream's window is the only buffer.
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        inside.connectTimeout().toMillis()))
                .handler(new InsideInitializer(stream, session, ssrmTimeout))
                .connect(inside.address());
        session.attach(connecting.channel());
        connecting.addListener(connect -> {
            if (!connect.isSuccess()) {
                session.refused(ClientSessions.INSIDE_UNREACHABLE);
                LOG.warn("{} inside daemon {} unreachable: {}; stream reset", tag, inside.display(),
                        connect.cause().getMessage());
                stream.reset("relay-client cannot reach the inside daemon " + inside.display() + ": "
                        + connect.cause().getMessage());
            }
        });
    }

    /** Where the session can go, or {@code null} after resetting its stream with the reason it cannot. */
    private InsideTarget usableTarget(SessionTag tag, LinkStream stream) {
        if (sessions.draining()) {
            LOG.warn("{} incoming session refused: relay-client is shutting down", tag);
            stream.reset("relay-client is shutting down");
            return null;
        }
        InsideTarget inside = target.get();
        if (inside == null) {
            // relay-server kept a configuration from an earlier run of relay-client, which has none yet.
            LOG.warn("{} incoming session before relay-client has a configuration; stream reset", tag);
            stream.reset("relay-client has no configuration yet, so no inside daemon");
            return null;
        }
        if (inside.address().isUnresolved()) {
            LOG.warn("{} inside daemon {} cannot be resolved; stream reset", tag, inside.display());
            stream.reset("relay-client cannot resolve the inside daemon " + inside.display());
            return null;
        }
        return inside;
    }
}
