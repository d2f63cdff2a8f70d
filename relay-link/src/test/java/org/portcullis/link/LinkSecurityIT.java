package org.portcullis.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.testkit.Await;

/** Only an authenticated relay-client gets a link, only from the pinned relay-server, one at a time. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LinkSecurityIT {
    @RegisterExtension
    final LinkFixture fixture = new LinkFixture();

    /** Waits until the connector behind {@code forwarder} has been turned away at least twice. */
    private static void awaitRetries(TcpForwarder forwarder) {
        Await.until(() -> forwarder.accepted() >= 3, LinkFixture.WAIT, "three connection attempts");
    }

    @Test
    void refusesAClientOfAnUntrustedCa() throws Exception {
        LinkEvents serverEvents = new LinkEvents();
        LinkEvents clientEvents = new LinkEvents();
        LinkFixture.Bound server = fixture.startServer(serverEvents);
        TcpForwarder forwarder = fixture.startForwarder(server.address());
        LinkCredentials untrusted = fixture.credentials(fixture.pki().untrustedClient("intruder"),
                LinkCredentials.pinOf(fixture.serverIdentity().certificate()));
        fixture.startConnector(forwarder.address(), untrusted, clientEvents);

        awaitRetries(forwarder);
        assertTrue(serverEvents.up.isEmpty(), "the server's listener never sees the intruder");
        assertTrue(clientEvents.up.isEmpty(), "the intruder never gets a link");
    }

    @Test
    void refusesATrustedClientThatIsNotThePinnedOne() throws Exception {
        LinkEvents serverEvents = new LinkEvents();
        LinkEvents clientEvents = new LinkEvents();
        String otherClientPin = LinkCredentials.pinOf(fixture.pki().client("the-real-client").certificate());
        LinkFixture.Bound server = fixture.startServer(new InetSocketAddress("127.0.0.1", 0),
                fixture.credentials(fixture.serverIdentity(), otherClientPin), serverEvents);
        TcpForwarder forwarder = fixture.startForwarder(server.address());
        fixture.startConnector(forwarder.address(), fixture.clientCredentials(), clientEvents);

        awaitRetries(forwarder);
        assertTrue(serverEvents.up.isEmpty());
        assertTrue(clientEvents.up.isEmpty());
    }

    @Test
    void theClientRefusesARogueServerWithTheWrongIdentity() throws Exception {
        LinkEvents rogueEvents = new LinkEvents();
        LinkEvents clientEvents = new LinkEvents();
        // A valid certificate of the same CA, but not the one relay-client pins.
        LinkFixture.Bound rogue = fixture.startServer(new InetSocketAddress("127.0.0.1", 0),
                fixture.credentials(fixture.pki().server(), null), rogueEvents);
        TcpForwarder forwarder = fixture.startForwarder(rogue.address());
        fixture.startConnector(forwarder.address(), fixture.clientCredentials(), clientEvents);

        awaitRetries(forwarder);
        assertTrue(clientEvents.up.isEmpty(), "relay-client sends nothing to a server it does not pin");
        assertTrue(rogueEvents.up.isEmpty(), "the rogue server gets no link");
    }

    @Test
    void aPlainTcpPeerGetsNoLinkProtocol() throws Exception {
        LinkEvents serverEvents = new LinkEvents();
        LinkFixture.Bound server = fixture.startServer(serverEvents);
        try (Socket socket = new Socket()) {
            socket.connect(server.address(), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("\u0000\u0004\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0001x"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            // Either the connection just closes or TLS answers with an alert record (21): never a link frame.
            assertTrue(first == -1 || first == 21, "first octet " + first);
            byte[] rest = in.readAllBytes();
            assertTrue(rest.length < 64, "no more than an alert: " + rest.length);
        }
        assertTrue(serverEvents.up.isEmpty());
    }

    @Test
    void refusesASecondClientWhileOneIsActiveAndAdmitsItAfterwards() throws Exception {
        LinkEvents serverEvents = new LinkEvents();
        LinkEvents firstEvents = new LinkEvents();
        LinkEvents secondEvents = new LinkEvents();
        LinkFixture.Bound server = fixture.startServer(serverEvents);
        LinkConnector first = fixture.startConnector(server.address(), fixture.clientCredentials(), firstEvents);
        Await.until(() -> !firstEvents.up.isEmpty(), LinkFixture.WAIT, "the first link up");

        TcpForwarder forwarder = fixture.startForwarder(server.address());
        fixture.startConnector(forwarder.address(), fixture.clientCredentials(), secondEvents);
        awaitRetries(forwarder);
        assertEquals(1, serverEvents.up.size(), "one link at a time");
        assertTrue(secondEvents.up.isEmpty());
        assertTrue(first.current().isPresent());

        first.close();
        Await.until(() -> !secondEvents.up.isEmpty(), LinkFixture.WAIT, "the second client's link once the first left");
        assertEquals(2, serverEvents.up.size());
    }
}
