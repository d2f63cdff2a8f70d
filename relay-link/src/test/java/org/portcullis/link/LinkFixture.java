package org.portcullis.link;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

/**
 * A JUnit 5 extension for link socket tests: a per-run PKI with link identities, an event loop group, and the
 * servers, connectors and forwarders a test starts, all closed after each test.
 */
final class LinkFixture implements AfterEachCallback {
    static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * A small window so tests see it work; heartbeats short, yet long enough for a cold JVM under paranoid leak
     * detection, which may spend over a second encrypting a 5 MiB control message. The heartbeat test shrinks them.
     */
    static final LinkSettings SETTINGS = new LinkSettings(Duration.ofSeconds(1), Duration.ofSeconds(5),
            128 * 1024, 100, Duration.ofSeconds(5));
    static final Backoff FAST_BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500), 0.2);

    private final TestPki pki = TestPki.create();
    private final Identity server = pki.server();
    private final Identity client = pki.client("relay-client");
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private EventLoopGroup group;
    private int files;

    synchronized EventLoopGroup group() {
        if (group == null) {
            group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        }
        return group;
    }

    /** The trusted server identity. */
    Identity serverIdentity() {
        return server;
    }

    LinkCredentials serverCredentials() {
        return credentials(server, null);
    }

    /** relay-client's credentials, pinning the trusted server identity. */
    LinkCredentials clientCredentials() {
        return credentials(client, LinkCredentials.pinOf(server.certificate()));
    }

    /** Credentials of {@code identity}, trusting the test CA, with an optional pin of the peer. */
    synchronized LinkCredentials credentials(Identity identity, String peerPin) {
        PemFiles pem = pki.write(identity, "id" + files++);
        return new LinkCredentials(pem.certificateChain(), pem.privateKey(), pki.writeCa(), peerPin);
    }

    TestPki pki() {
        return pki;
    }

    /** A started link server and where it listens. */
    record Bound(LinkServer server, InetSocketAddress address) {
    }

    Bound startServer(InetSocketAddress bind, LinkCredentials credentials, LinkListener listener) throws Exception {
        return startServer(bind, credentials, SETTINGS, listener);
    }

    Bound startServer(InetSocketAddress bind, LinkCredentials credentials, LinkSettings settings,
                      LinkListener listener) throws Exception {
        LinkServer linkServer = new LinkServer(group(), bind, credentials, settings, listener);
        InetSocketAddress address = linkServer.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        started.push(linkServer::close);
        return new Bound(linkServer, address);
    }

    /** A trusted link server on 127.0.0.1, port chosen by the system. */
    Bound startServer(LinkListener listener) throws Exception {
        return startServer(new InetSocketAddress("127.0.0.1", 0), serverCredentials(), listener);
    }

    LinkConnector startConnector(InetSocketAddress server, LinkCredentials credentials, LinkListener listener) {
        return startConnector(server, credentials, SETTINGS, listener);
    }

    LinkConnector startConnector(InetSocketAddress server, LinkCredentials credentials, LinkSettings settings,
                                 LinkListener listener) {
        LinkConnector connector = new LinkConnector(group(), server, null, credentials, settings, FAST_BACKOFF,
                listener);
        connector.start();
        started.push(connector::close);
        return connector;
    }

    TcpForwarder startForwarder(InetSocketAddress target) throws Exception {
        TcpForwarder forwarder = new TcpForwarder(group(), target);
        forwarder.start();
        started.push(forwarder);
        return forwarder;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        while (!started.isEmpty()) {
            started.pop().close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            group = null;
        }
        pki.close();
    }
}
