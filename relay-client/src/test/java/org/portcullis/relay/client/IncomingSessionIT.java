package org.portcullis.relay.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/** Incoming sessions: relay-server opens a stream, relay-client carries it to the inside daemon. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IncomingSessionIT {
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

    private void startClient(int insidePort) throws InterruptedException {
        InetSocketAddress address = server.start();
        client = setup.client(address, setup.writeConfig(folder.resolve("relay.json"), "1", insidePort, List.of()));
        client.start();
        server.nextConfig();
    }

    @Test
    void swallowsTheDaemonsSsrmAndRelaysBothWaysUnchanged() throws Exception {
        try (FakeInsideDaemon daemon = new FakeInsideDaemon(OftpFrames.ssrm())) {
            startClient(daemon.port());
            LinkStream stream = server.openIncoming("s-relay");
            StreamRecorder partnerSide = StreamRecorder.on(stream);

            stream.write(Unpooled.wrappedBuffer(PARTNER_SSID));
            Await.until(() -> daemon.receivedCount() >= PARTNER_SSID.length, FakeRelayServer.WAIT, "the SSID inside");
            assertArrayEquals(PARTNER_SSID, daemon.received());

            daemon.send(INSIDE_SSID);
            Await.until(() -> partnerSide.receivedCount() >= INSIDE_SSID.length, FakeRelayServer.WAIT,
                    "the daemon's SSID at relay-server");
            assertArrayEquals(INSIDE_SSID, partnerSide.received(), "the SSRM never reached relay-server");

            daemon.connection.join().close();
            assertEquals("closed", partnerSide.ended.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void closesTheInsideConnectionWhenRelayServerResetsTheStream() throws Exception {
        try (FakeInsideDaemon daemon = new FakeInsideDaemon(OftpFrames.ssrm())) {
            startClient(daemon.port());
            LinkStream stream = server.openIncoming("s-reset");
            StreamRecorder.on(stream);
            stream.write(Unpooled.wrappedBuffer(PARTNER_SSID));
            Await.until(() -> daemon.receivedCount() >= PARTNER_SSID.length, FakeRelayServer.WAIT, "the SSID inside");

            stream.reset("ESID 02 from the partner's side");
            daemon.closed.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void closesTheInsideConnectionWhenTheLinkIsLost() throws Exception {
        try (FakeInsideDaemon daemon = new FakeInsideDaemon(OftpFrames.ssrm())) {
            startClient(daemon.port());
            LinkStream stream = server.openIncoming("s-lost");
            StreamRecorder.on(stream);
            stream.write(Unpooled.wrappedBuffer(PARTNER_SSID));
            Await.until(() -> daemon.receivedCount() >= PARTNER_SSID.length, FakeRelayServer.WAIT, "the SSID inside");

            server.stop();
            daemon.closed.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void resetsTheStreamWhenTheInsideDaemonIsUnreachable() throws Exception {
        startClient(portNobodyListensOn());
        StreamRecorder partnerSide = StreamRecorder.on(server.openIncoming("s-unreachable"));

        String ended = partnerSide.ended.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(ended.startsWith("reset: relay-client cannot reach the inside daemon 127.0.0.1:"), ended);
    }

    @Test
    void resetsTheStreamWhenTheInsideDaemonSendsGarbageInsteadOfSsrm() throws Exception {
        try (FakeInsideDaemon daemon = new FakeInsideDaemon("HELLO\r\n".getBytes(StandardCharsets.US_ASCII))) {
            startClient(daemon.port());
            StreamRecorder partnerSide = StreamRecorder.on(server.openIncoming("s-garbage"));

            String ended = partnerSide.ended.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(ended.contains("Stream Transmission Header"), ended);
            daemon.closed.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(0, partnerSide.receivedCount());
        }
    }

    @Test
    void resetsTheStreamWhenTheInsideDaemonSendsNoSsrmInTime() throws Exception {
        try (FakeInsideDaemon daemon = new FakeInsideDaemon(new byte[0])) {
            startClient(daemon.port());
            StreamRecorder partnerSide = StreamRecorder.on(server.openIncoming("s-silent"));

            String ended = partnerSide.ended.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(ended.contains("no SSRM within"), ended);
            daemon.closed.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A loopback port just released: connecting to it is refused. */
    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
