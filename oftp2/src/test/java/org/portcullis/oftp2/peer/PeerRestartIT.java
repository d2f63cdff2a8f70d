package org.portcullis.oftp2.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

/** A transfer cut in the middle resumes from the confirmed position (RFC 5024 §5.3.3 SFIDREST, §5.3.4). */
@Timeout(60)
class PeerRestartIT {
    private static final long SESSION_TIMEOUT_SECONDS = 30;
    private static final long FILE_SIZE = 4L * TestFiles.MIB;
    private static final long CUT_AFTER = 3L * TestFiles.MIB / 2;
    private static final String INITIATOR_ID = "O0013000000INITIATOR";
    private static final String RESPONDER_ID = "O0013000000RESPONDER";

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @TempDir
    Path temp;

    private OftpPeer peer;
    private PemFiles serverPem;

    @BeforeEach
    void start() {
        peer = OftpPeer.create(1, 2);
        serverPem = PKI.write(PKI.server(), "server");
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    @Test
    void resumesCutTransferByteIdentical() throws Exception {
        Path outbox = temp.resolve("out");
        Path inbox = Files.createDirectories(temp.resolve("in"));
        String hash = TestFiles.sha256(TestFiles.random(outbox, "BIG.BIN", FILE_SIZE, 7));
        BlockingQueue<SessionResult> responderResults = new LinkedBlockingQueue<>();
        PeerConfig responder = PeerConfig.builder(RESPONDER_ID, "RSECRET").receiveDir(inbox)
                .tls(new PeerTls(serverPem.certificateChain(), serverPem.privateKey(), null)).build();
        // A small window, so CDTs confirm progress long before the cut.
        PeerConfig initiator = PeerConfig.builder(INITIATOR_ID, "ISECRET").sendDir(outbox).bufferSize(4096)
                .credit(8).tls(new PeerTls(null, null, serverPem.caCertificate())).build();

        try (PeerServer server = peer.listen(responder, new InetSocketAddress("127.0.0.1", 0),
                responderResults::add)) {
            SessionResult cut;
            try (CuttingForwarder forwarder = new CuttingForwarder(server.localAddress(), CUT_AFTER)) {
                cut = peer.client(initiator).connect(forwarder.address())
                        .get(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            assertEquals(SessionOutcome.CONNECTION_FAILED, cut.outcome(), cut::toString);
            assertNotNull(responderResults.poll(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertTrue(Files.isRegularFile(inbox.resolve(".BIG.BIN.part")), "the partial file stays");
            assertTrue(Files.isRegularFile(outbox.resolve(".oftp2-restart/BIG.BIN")), "the sender remembers");

            SessionResult resumed = peer.client(initiator).connect(server.localAddress())
                    .get(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals(SessionOutcome.NORMAL_END, resumed.outcome(), resumed::toString);
            FileTransfer transfer = resumed.file("BIG.BIN", FileTransfer.Direction.SENT);
            assertTrue(transfer.restartOffset() > 0, transfer::toString);
            assertTrue(transfer.octets() < FILE_SIZE, transfer::toString);
            assertEquals(FILE_SIZE, transfer.restartOffset() + transfer.octets(), transfer::toString);
            assertTrue(transfer.delivered(), transfer::toString);
        }
        assertEquals(hash, TestFiles.sha256(inbox.resolve("BIG.BIN")));
        assertTrue(Files.notExists(inbox.resolve(".BIG.BIN.part")));
        assertTrue(Files.notExists(outbox.resolve(".oftp2-restart/BIG.BIN")));
        assertTrue(Files.isRegularFile(outbox.resolve("sent/BIG.BIN")));
    }
}
