package org.portcullis.relay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.portcullis.link.Backoff;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.ControlType;
import org.portcullis.link.Link;
import org.portcullis.link.LinkConnector;
import org.portcullis.link.LinkCredentials;
import org.portcullis.link.LinkListener;
import org.portcullis.link.LinkSettings;
import org.portcullis.link.LinkStream;
import org.portcullis.link.StreamKind;

/**
 * relay-client as the tests need it: a real {@link LinkConnector} that pushes configurations, and answers each
 * incoming stream the way relay-client will (a {@link StreamBridge} to the inside daemon), counting the inside
 * connections it makes.
 */
final class FakeRelayClient implements LinkListener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventLoopGroup group;
    private volatile InetSocketAddress inside;
    private final LinkConnector connector;
    private final CompletableFuture<Link> up = new CompletableFuture<>();
    private final BlockingQueue<ControlMessage> configResults = new LinkedBlockingQueue<>();
    private final BlockingQueue<ControlMessage> crlUrls = new LinkedBlockingQueue<>();
    private final AtomicInteger insideConnections = new AtomicInteger();
    private volatile InsideGate gate = InsideGate.OPEN;

    FakeRelayClient(EventLoopGroup group, InetSocketAddress server, LinkCredentials credentials,
            InetSocketAddress inside) {
        this.group = group;
        this.inside = inside;
        this.connector = new LinkConnector(group, server, null, credentials, LinkSettings.defaults(),
                Backoff.defaults(), this);
    }

    /** Dials and waits until the link is up. */
    Link start(Duration timeout) throws Exception {
        connector.start();
        return up.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a configuration document and returns the server's CONFIG_RESULT as JSON. */
    JsonNode push(byte[] document, Duration timeout) throws InterruptedException, IOException {
        connector.current().orElseThrow().sendControl(new ControlMessage(ControlType.CONFIG, document));
        ControlMessage result = configResults.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (result == null) {
            throw new AssertionError("no CONFIG_RESULT within " + timeout);
        }
        return JSON.readTree(result.body());
    }

    /** The next CRL_URLS message as JSON, or {@code null} if none came within the timeout. */
    JsonNode nextCrlUrls(Duration timeout) throws InterruptedException, IOException {
        ControlMessage message = crlUrls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return message == null ? null : JSON.readTree(message.body());
    }

    /** Connections made to the inside daemon so far. */
    int insideConnections() {
        return insideConnections.get();
    }

    /** Listens for the inside daemon on a route's local port; close the channel returned. */
    Channel listenForRoute(String routeName) throws InterruptedException {
        return StreamBridge.listen(group, routeName, () -> connector.current().orElseThrow());
    }

    /** From now on, incoming streams go to this inside daemon. */
    void insideAt(InetSocketAddress address) {
        inside = address;
    }

    /** Holds the octets of the following sessions as the gate says. */
    void holdInside(InsideGate newGate) {
        gate = newGate;
    }

    @Override
    public void linkUp(Link link) {
        up.complete(link);
    }

    @Override
    public void streamOpened(Link link, LinkStream stream) {
        if (stream.open().kind() != StreamKind.INCOMING) {
            stream.reset("the fake relay-client takes incoming streams only");
            return;
        }
        insideConnections.incrementAndGet();
        StreamBridge.connect(group, inside, stream, gate);
    }

    @Override
    public void control(Link link, ControlMessage message) {
        if (message.type() == ControlType.CONFIG_RESULT) {
            configResults.add(message);
        } else if (message.type() == ControlType.CRL_URLS) {
            crlUrls.add(message);
        }
    }

    @Override
    public void linkDown(Link link, Throwable causeOrNull) {
        // The tests see a lost link through the sessions it ends.
    }

    @Override
    public void close() {
        connector.close();
    }
}
