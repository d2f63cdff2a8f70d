package org.portcullis.relay.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.oftp2.peer.FileTransfer;
import org.portcullis.oftp2.peer.OftpPeer;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.PeerServer;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.testkit.TestPki;

/**
 * Whole OFTP2 sessions of reference peers through relay-client (RFC 5024 §4): a partner calling in reaches the
 * inside daemon, and the inside daemon calling out through a route reaches the partner, files going both ways.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReferencePeerSessionIT {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();
    private static final Duration SESSION_WAIT = Duration.ofSeconds(60);
    private static final String PARTNER_ID = "O0013000000PARTNER";
    private static final String INSIDE_ID = "O0013000000INSIDE";

    @TempDir
    Path folder;

    private final ClientTestSetup setup = new ClientTestSetup(PKI);
    private final FakeRelayServer server = new FakeRelayServer(setup.serverCredentials());
    private final PartnerBridge bridge = new PartnerBridge(server);
    private final BlockingQueue<SessionResult> responderResults = new LinkedBlockingQueue<>();
    private OftpPeer peers;
    private RelayClient client;

    @BeforeEach
    void files() throws IOException {
        peers = OftpPeer.create(1, 2);
        writeRandom(folder.resolve("partner-out/P-SMALL"), 64 * 1024, 1);
        writeRandom(folder.resolve("partner-out/P-EMPTY"), 0, 2);
        writeRandom(folder.resolve("inside-out/I-SMALL"), 100 * 1024 + 7, 3);
        Files.createDirectories(folder.resolve("partner-in"));
        Files.createDirectories(folder.resolve("inside-in"));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        bridge.close();
        server.close();
        peers.close();
    }

    private PeerConfig partner() {
        return PeerConfig.builder(PARTNER_ID, "PARTPW").sendDir(folder.resolve("partner-out"))
                .receiveDir(folder.resolve("partner-in")).expectPartner(INSIDE_ID, "INPW").build();
    }

    private PeerConfig inside() {
        return PeerConfig.builder(INSIDE_ID, "INPW").sendDir(folder.resolve("inside-out"))
                .receiveDir(folder.resolve("inside-in")).expectPartner(PARTNER_ID, "PARTPW").build();
    }

    @Test
    void aPartnerCallingInReachesTheInsideDaemon() throws Exception {
        try (PeerServer insideDaemon = peers.listen(inside(), new InetSocketAddress("127.0.0.1", 0),
                responderResults::add)) {
            client = setup.client(server.start(), setup.writeConfig(folder.resolve("relay.json"), "1",
                    insideDaemon.localAddress().getPort(), List.of()));
            client.start();
            server.nextConfig();

            SessionResult partnerResult = peers.client(partner()).connect(bridge.listenForPartners())
                    .get(SESSION_WAIT.toSeconds(), TimeUnit.SECONDS);
            SessionResult insideResult = responderResults.poll(SESSION_WAIT.toSeconds(), TimeUnit.SECONDS);

            assertDelivered(partnerResult, insideResult);
        }
    }

    @Test
    void theInsideDaemonCallingOutThroughARouteReachesThePartner() throws Exception {
        try (PeerServer partnerDaemon = peers.listen(partner(), new InetSocketAddress("127.0.0.1", 0),
                responderResults::add)) {
            client = setup.client(server.start(), setup.writeConfig(folder.resolve("relay.json"), "1", 3305,
                    List.of(ClientConfigs.Route.anyPort("partner"))));
            client.start();
            server.nextConfig();

            var insideCall = peers.client(inside()).connect(client.routeAddress("partner").orElseThrow());
            bridge.connectOutgoing(server.nextStream(), partnerDaemon.localAddress());
            SessionResult insideResult = insideCall.get(SESSION_WAIT.toSeconds(), TimeUnit.SECONDS);
            SessionResult partnerResult = responderResults.poll(SESSION_WAIT.toSeconds(), TimeUnit.SECONDS);

            assertDelivered(partnerResult, insideResult);
        }
    }

    private void assertDelivered(SessionResult partnerResult, SessionResult insideResult) throws Exception {
        assertNotNull(insideResult, "the responder reported its session");
        for (SessionResult result : List.of(partnerResult, insideResult)) {
            assertEquals(SessionOutcome.NORMAL_END, result.outcome(), result::toString);
            assertEquals(3, result.files().size(), result::toString);
            assertTrue(result.files().stream().allMatch(FileTransfer::delivered), result::toString);
        }
        for (String name : List.of("P-SMALL", "P-EMPTY")) {
            assertArrayEquals(sha256(folder.resolve("partner-out/sent/" + name)),
                    sha256(folder.resolve("inside-in/" + name)), name);
        }
        assertArrayEquals(sha256(folder.resolve("inside-out/sent/I-SMALL")),
                sha256(folder.resolve("partner-in/I-SMALL")));
    }

    private static void writeRandom(Path file, int size, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        Files.write(file, content);
    }

    private static byte[] sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
