package org.portcullis.e2e;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.peer.OftpPeer;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.PeerServer;
import org.portcullis.oftp2.peer.SessionResult;

/**
 * The company's OFTP2 daemon inside: a reference peer Responder on plain TCP that receives into its inbox, reached
 * only through an {@link InsideFront}, which counts the connections. It offers the largest credit (999), so the
 * partner's window is what limits a transfer, not the daemon's.
 */
final class InsideDaemon implements AutoCloseable {
    private final PeerServer responder;
    private final InsideFront front;
    private final Path inbox;
    private final BlockingQueue<SessionResult> results = new LinkedBlockingQueue<>();

    InsideDaemon(OftpPeer peers, EventLoopGroup group, Path folder)
            throws IOException, InterruptedException {
        this.inbox = Files.createDirectories(folder.resolve("inside-in"));
        PeerConfig config = PeerConfig.builder(TestConfig.INSIDE_ID, TestConfig.INSIDE_PASSWORD).receiveDir(inbox)
                .credit(Ssid.MAX_CREDIT).build();
        try {
            this.responder = peers.listen(config, new InetSocketAddress("127.0.0.1", 0), results::add);
        } catch (SSLException impossible) {
            throw new IllegalStateException("the inside daemon speaks plain TCP", impossible);
        }
        this.front = new InsideFront(group, responder.localAddress());
    }

    /** Where relay-client reaches the daemon (the front). */
    InetSocketAddress address() {
        return front.address();
    }

    InsideFront front() {
        return front;
    }

    /** The connections relay-client made to the daemon. */
    int connections() {
        return front.connections();
    }

    /** Where received files go, named by their dataset names. */
    Path inbox() {
        return inbox;
    }

    /** The next session the daemon saw end. */
    SessionResult nextResult(Duration timeout) throws InterruptedException {
        SessionResult result = results.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (result == null) {
            throw new AssertionError("the inside daemon reported no session within " + timeout);
        }
        return result;
    }

    @Override
    public void close() {
        front.close();
        responder.close();
    }
}
