package org.portcullis.relay.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.link.LinkStream;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.Listening;
import org.portcullis.testkit.TestPki;

/** relay-client's drain (what SIGTERM does): no new sessions, running ones finish, the rest end at the deadline. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientDrainIT {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();
    private static final byte[] PARTNER_SSID = OftpFrames.frame(Ssid.builder().odetteId("O0013000000PARTNER")
            .password("SECRET1").build());
    private static final byte[] INSIDE_SSID = OftpFrames.frame(Ssid.builder().odetteId("O0013000000INSIDE")
            .password("SECRET2").build());

    @TempDir
    Path folder;

    private final ClientTestSetup setup = new ClientTestSetup(PKI);
    private final FakeRelayServer server = new FakeRelayServer(setup.serverCredentials());
    private RelayClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    /** A client with one route, whose session s1 relays to the inside daemon. */
    private StreamRecorder relaying(FakeInsideDaemon daemon) throws Exception {
        client = setup.client(server.start(), setup.writeConfig(folder.resolve("relay.json"), "1", daemon.port(),
                List.of(ClientConfigs.Route.anyPort("out"))));
        client.start();
        server.nextConfig();
        LinkStream stream = server.openIncoming("s1");
        StreamRecorder partnerSide = StreamRecorder.on(stream);
        stream.write(Unpooled.wrappedBuffer(PARTNER_SSID));
        Await.until(() -> daemon.receivedCount() >= PARTNER_SSID.length, FakeRelayServer.WAIT, "the SSID inside");
        return partnerSide;
    }

    @Test
    void aDrainLetsTheRunningSessionFinishAndTakesNoNewOne() throws Exception {
        try (FakeInsideDaemon daemon = new FakeInsideDaemon(OftpFrames.ssrm())) {
            StreamRecorder partnerSide = relaying(daemon);
            InetSocketAddress route = client.routeAddress("out").orElseThrow();

            CompletableFuture<Void> drained = client.drain(Duration.ofSeconds(60));

            // The port closes on its event loop, a moment after drain() returns.
            Await.until(() -> Listening.refuses(route, FakeRelayServer.WAIT), FakeRelayServer.WAIT,
                    "the route's port closed");
            StreamRecorder refused = StreamRecorder.on(server.openIncoming("s2"));
            assertEquals("reset: relay-client is shutting down", refused.ended.get(FakeRelayServer.WAIT.toMillis(),
                    TimeUnit.MILLISECONDS));
            assertEquals(1, daemon.connections(), "no inside connection for the new session");
            assertFalse(drained.isDone());

            daemon.send(INSIDE_SSID);
            Await.until(() -> partnerSide.receivedCount() >= INSIDE_SSID.length, FakeRelayServer.WAIT,
                    "the running session to relay on");
            daemon.connection.join().close();
            drained.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals("closed", partnerSide.ended.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void atTheDeadlineASessionAtAFrameBoundaryIsClosedDown() throws Exception {
        try (FakeInsideDaemon daemon = new FakeInsideDaemon(OftpFrames.ssrm())) {
            StreamRecorder partnerSide = relaying(daemon);
            daemon.send(INSIDE_SSID);
            Await.until(() -> partnerSide.receivedCount() >= INSIDE_SSID.length, FakeRelayServer.WAIT, "the SSID");

            client.drain(Duration.ofMillis(200)).get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);

            assertEquals("closed down: relay-client: relay-client is shutting down",
                    partnerSide.ended.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS));
            assertArrayEquals(INSIDE_SSID, partnerSide.received(), "relay-server writes the ESID, not relay-client");
            daemon.closed.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void atTheDeadlineASessionMidFrameIsClosedDownToo() throws Exception {
        try (FakeInsideDaemon daemon = new FakeInsideDaemon(OftpFrames.ssrm())) {
            StreamRecorder partnerSide = relaying(daemon);
            daemon.send(Arrays.copyOf(INSIDE_SSID, 9));
            Await.until(() -> partnerSide.receivedCount() >= 9, FakeRelayServer.WAIT, "half a frame");

            client.drain(Duration.ofMillis(200)).get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);

            assertEquals("closed down: relay-client: relay-client is shutting down",
                    partnerSide.ended.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS));
            assertTrue(client.sessions().summaries().isEmpty());
        }
    }
}
