package org.portcullis.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.link.mux.PeerAddress;
import org.portcullis.testkit.Await;

/** Heartbeats, reconnection, orderly close and IPv6 of a real TLS link on loopback. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LinkLifecycleIT {
    private static final LinkSettings QUICK_HEARTBEAT = new LinkSettings(Duration.ofMillis(200),
            Duration.ofMillis(1000), LinkFixture.SETTINGS.streamWindow(), 100, Duration.ofSeconds(5));

    @RegisterExtension
    final LinkFixture fixture = new LinkFixture();

    @Test
    void detectsAPeerThatStopsAnsweringAndReconnects() throws Exception {
        LinkEvents serverEvents = new LinkEvents();
        LinkEvents clientEvents = new LinkEvents();
        LinkFixture.Bound server = fixture.startServer(new InetSocketAddress("127.0.0.1", 0),
                fixture.serverCredentials(), QUICK_HEARTBEAT, serverEvents);
        TcpForwarder forwarder = fixture.startForwarder(server.address());
        fixture.startConnector(forwarder.address(), fixture.clientCredentials(), QUICK_HEARTBEAT, clientEvents);
        Await.until(() -> !serverEvents.up.isEmpty() && !clientEvents.up.isEmpty(), LinkFixture.WAIT, "link up");

        long frozenAt = System.nanoTime();
        forwarder.freezeCurrent();
        Await.until(() -> !serverEvents.down.isEmpty() && !clientEvents.down.isEmpty(), LinkFixture.WAIT,
                "both sides declare the link dead");
        for (LinkEvents.Down down : new LinkEvents.Down[] {serverEvents.down.get(0), clientEvents.down.get(0)}) {
            assertInstanceOf(LinkException.class, down.cause());
            assertTrue(down.cause().getMessage().contains("heartbeat"), down.cause().getMessage());
            long millis = TimeUnit.NANOSECONDS.toMillis(down.atNanos() - frozenAt);
            // The timeout, plus one interval for the close_notify flush, plus scheduling slack.
            assertTrue(millis >= 900 && millis < 4_000, "declared dead after " + millis + " ms");
        }
        Await.until(() -> serverEvents.up.size() == 2 && clientEvents.up.size() == 2, LinkFixture.WAIT,
                "the client reconnected");
    }

    @Test
    void anIdleLinkStaysUpOnHeartbeats() throws Exception {
        LinkEvents serverEvents = new LinkEvents();
        LinkEvents clientEvents = new LinkEvents();
        LinkFixture.Bound server = fixture.startServer(new InetSocketAddress("127.0.0.1", 0),
                fixture.serverCredentials(), QUICK_HEARTBEAT, serverEvents);
        fixture.startConnector(server.address(), fixture.clientCredentials(), QUICK_HEARTBEAT, clientEvents);
        Await.until(() -> !serverEvents.up.isEmpty() && !clientEvents.up.isEmpty(), LinkFixture.WAIT, "link up");

        assertFalse(clientEvents.lastUp().closeFuture().thenApply(v -> true)
                .completeOnTimeout(false, 4 * QUICK_HEARTBEAT.heartbeatTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .get(), "four heartbeat timeouts of silence, and the link is still up");
        assertTrue(serverEvents.down.isEmpty());
    }

    @Test
    void reconnectsWithBackoffWhenTheServerComesBack() throws Exception {
        LinkEvents firstServerEvents = new LinkEvents();
        LinkEvents clientEvents = new LinkEvents();
        LinkFixture.Bound first = fixture.startServer(firstServerEvents);
        TcpForwarder forwarder = fixture.startForwarder(first.address());
        LinkConnector connector = fixture.startConnector(forwarder.address(), fixture.clientCredentials(),
                clientEvents);
        Await.until(() -> connector.current().isPresent(), LinkFixture.WAIT, "link up");

        first.server().close();
        Await.until(() -> clientEvents.down.size() == 1, LinkFixture.WAIT, "the client sees the server go");
        assertNull(clientEvents.down.get(0).cause(), "GO_AWAY: an orderly end");
        assertTrue(connector.current().isEmpty());
        int before = forwarder.accepted();
        Await.until(() -> forwarder.accepted() >= before + 3, LinkFixture.WAIT, "redial attempts while it is gone");

        LinkEvents secondServerEvents = new LinkEvents();
        LinkFixture.Bound second = fixture.startServer(secondServerEvents);
        forwarder.target(second.address());
        Await.until(() -> !secondServerEvents.up.isEmpty() && connector.current().isPresent(), LinkFixture.WAIT,
                "the link up again with the server that came back");
        assertEquals(2, clientEvents.up.size());
    }

    @Test
    void closingTheConnectorEndsTheLinkOrderlyOnBothSides() throws Exception {
        LinkEvents serverEvents = new LinkEvents();
        LinkEvents clientEvents = new LinkEvents();
        LinkFixture.Bound server = fixture.startServer(serverEvents);
        LinkConnector connector = fixture.startConnector(server.address(), fixture.clientCredentials(),
                clientEvents);
        Await.until(() -> !serverEvents.up.isEmpty() && connector.current().isPresent(), LinkFixture.WAIT, "link up");

        connector.close();
        Await.until(() -> serverEvents.down.size() == 1 && clientEvents.down.size() == 1, LinkFixture.WAIT,
                "both sides down");
        assertNull(serverEvents.down.get(0).cause());
        assertNull(clientEvents.down.get(0).cause());
        assertTrue(server.server().current().isEmpty());
    }

    @Test
    void worksOverIpv6Loopback() throws Exception {
        Assumptions.assumeTrue(ipv6Loopback(), "no IPv6 loopback on this host");
        TransferEnd receiver = TransferEnd.receiver();
        LinkEvents serverEvents = new LinkEvents().onStream((link, stream) -> receiver.attach(stream));
        LinkEvents clientEvents = new LinkEvents();
        LinkFixture.Bound server = fixture.startServer(new InetSocketAddress("::1", 0), fixture.serverCredentials(),
                serverEvents);
        fixture.startConnector(new InetSocketAddress("::1", server.address().getPort()), fixture.clientCredentials(),
                clientEvents);
        Await.until(() -> !serverEvents.up.isEmpty() && !clientEvents.up.isEmpty(), LinkFixture.WAIT, "link up");
        assertEquals(InetAddress.getByName("::1"),
                ((InetSocketAddress) serverEvents.lastUp().remoteAddress()).getAddress());

        LinkStream stream = clientEvents.lastUp()
                .openStream(new StreamOpen(StreamKind.OUTGOING, "s-v6", null, "acme", null))
                .get(10, TimeUnit.SECONDS);
        TransferEnd sender = new TransferEnd(1024 * 1024, 6, false).attach(stream);
        TransferEnd.Result result = receiver.done().get(30, TimeUnit.SECONDS);
        assertEquals(1024 * 1024, result.received());
        assertEquals(sender.sentSha256(), result.receivedSha256());
    }

    @Test
    void aDualStackServerAdmitsAnIpv4ClientAndSeesItAsIpv4() throws Exception {
        Assumptions.assumeTrue(ipv6Loopback(), "no IPv6 on this host");
        LinkEvents serverEvents = new LinkEvents();
        LinkEvents clientEvents = new LinkEvents();
        LinkFixture.Bound server = fixture.startServer(new InetSocketAddress("::", 0), fixture.serverCredentials(),
                serverEvents);
        fixture.startConnector(new InetSocketAddress("127.0.0.1", server.address().getPort()),
                fixture.clientCredentials(), clientEvents);
        Await.until(() -> !serverEvents.up.isEmpty() && !clientEvents.up.isEmpty(), LinkFixture.WAIT, "link up");
        InetSocketAddress peer = (InetSocketAddress) serverEvents.lastUp().remoteAddress();
        assertEquals(InetAddress.getByName("127.0.0.1"), peer.getAddress(), "an IPv4-mapped peer is plain IPv4");
        assertEquals("127.0.0.1:" + peer.getPort(), PeerAddress.format(peer));
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return probe.getLocalPort() > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
