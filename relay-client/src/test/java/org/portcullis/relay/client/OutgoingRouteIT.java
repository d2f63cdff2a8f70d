package org.portcullis.relay.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.link.LinkStream;
import org.portcullis.link.StreamKind;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/** Outgoing sessions: the inside daemon connects to a route's port, relay-client opens a stream per connection. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OutgoingRouteIT {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();
    private static final byte[] DAEMON_OCTETS = "octets of the inside daemon".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PARTNER_OCTETS = "octets of the partner".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path folder;

    private final ClientTestSetup setup = new ClientTestSetup(PKI);
    private final FakeRelayServer server = new FakeRelayServer(setup.serverCredentials());
    private RelayClient client;
    private Path configFile;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private void startClient(InetSocketAddress serverAddress, List<ClientConfigs.Route> routes)
            throws InterruptedException {
        configFile = setup.writeConfig(folder.resolve("relay.json"), "1", 3305, routes);
        client = setup.client(serverAddress, configFile);
        client.start();
    }

    private Socket connectToRoute(String name) throws IOException {
        Socket socket = new Socket();
        socket.connect(client.routeAddress(name).orElseThrow(), (int) FakeRelayServer.WAIT.toMillis());
        socket.setSoTimeout((int) FakeRelayServer.WAIT.toMillis());
        return socket;
    }

    @Test
    void opensAnOutgoingStreamPerInsideConnectionAndRelaysBothWays() throws Exception {
        startClient(server.start(), List.of(ClientConfigs.Route.anyPort("partner-one")));
        server.nextConfig();

        Socket inside = connectToRoute("partner-one");
        try {
            LinkStream stream = server.nextStream();
            assertEquals(StreamKind.OUTGOING, stream.open().kind());
            assertEquals("partner-one", stream.open().routeName());
            assertNull(stream.open().odetteId());
            assertEquals("127.0.0.1:" + inside.getLocalPort(), stream.open().peerAddress());
            assertEquals(12, stream.open().sessionId().length());
            StreamRecorder partnerSide = StreamRecorder.on(stream);

            inside.getOutputStream().write(DAEMON_OCTETS);
            Await.until(() -> partnerSide.receivedCount() >= DAEMON_OCTETS.length, FakeRelayServer.WAIT,
                    "the daemon's octets at relay-server");
            assertArrayEquals(DAEMON_OCTETS, partnerSide.received());

            stream.write(Unpooled.wrappedBuffer(PARTNER_OCTETS));
            assertArrayEquals(PARTNER_OCTETS, inside.getInputStream().readNBytes(PARTNER_OCTETS.length));

            inside.close();
            assertEquals("closed", partnerSide.ended.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            inside.close();
        }
    }

    @Test
    void closesTheInsideConnectionWhenRelayServerEndsTheStream() throws Exception {
        startClient(server.start(), List.of(ClientConfigs.Route.anyPort("partner-one")));
        server.nextConfig();

        try (Socket inside = connectToRoute("partner-one")) {
            LinkStream stream = server.nextStream();
            StreamRecorder.on(stream);
            stream.write(Unpooled.wrappedBuffer(PARTNER_OCTETS));
            stream.close();

            InputStream in = inside.getInputStream();
            assertArrayEquals(PARTNER_OCTETS, in.readNBytes(PARTNER_OCTETS.length), "what came before the end");
            assertEquals(-1, in.read());
        }
    }

    @Test
    void closesTheInsideConnectionAtOnceWithoutALink() throws Exception {
        InetSocketAddress nowhere = server.start();
        server.stop();
        startClient(nowhere, List.of(ClientConfigs.Route.anyPort("partner-one")));

        try (Socket inside = connectToRoute("partner-one")) {
            assertEquals(-1, inside.getInputStream().read());
        }
    }

    @Test
    void opensAndClosesRouteListenersOnANewConfigurationWithoutTouchingRunningSessions() throws Exception {
        startClient(server.start(), List.of(ClientConfigs.Route.anyPort("partner-one")));
        server.nextConfig();
        InetSocketAddress oldAddress = client.routeAddress("partner-one").orElseThrow();

        try (Socket running = connectToRoute("partner-one")) {
            LinkStream stream = server.nextStream();
            StreamRecorder partnerSide = StreamRecorder.on(stream);

            ClientConfigs.write(configFile, setup.configs.document("2", 3305,
                    List.of(ClientConfigs.Route.anyPort("partner-two"))));
            assertEquals("2", ClientConfigs.revision(server.nextConfig()));
            assertTrue(client.routeAddress("partner-one").isEmpty());
            assertThrows(ConnectException.class,
                    () -> new Socket(oldAddress.getAddress(), oldAddress.getPort()).close());

            running.getOutputStream().write(DAEMON_OCTETS);
            Await.until(() -> partnerSide.receivedCount() >= DAEMON_OCTETS.length, FakeRelayServer.WAIT,
                    "the running session's octets");
            stream.write(Unpooled.wrappedBuffer(PARTNER_OCTETS));
            assertArrayEquals(PARTNER_OCTETS, running.getInputStream().readNBytes(PARTNER_OCTETS.length));

            try (Socket second = connectToRoute("partner-two")) {
                assertEquals("partner-two", server.nextStream().open().routeName());
                assertTrue(second.isConnected());
            }
        }
    }
}
