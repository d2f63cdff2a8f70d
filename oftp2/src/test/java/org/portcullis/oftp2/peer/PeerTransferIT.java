package org.portcullis.oftp2.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

/** Two reference peers exchange files both ways in one TLS session (RFC 5024 §4.3, §5.3.13). */
@Timeout(120)
class PeerTransferIT {
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(90);
    private static final String INITIATOR_ID = "O0013000000INITIATOR";
    private static final String RESPONDER_ID = "O0013000000RESPONDER";

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @TempDir
    Path temp;

    private OftpPeer peer;
    private PemFiles serverPem;
    private PemFiles clientPem;

    @BeforeEach
    void start() {
        peer = OftpPeer.create(2, 4);
        serverPem = PKI.write(PKI.server(), "server");
        clientPem = PKI.write(PKI.client(INITIATOR_ID), "client");
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    @Test
    void transfersFilesBothWaysWithReceipts() throws Exception {
        Map<String, Long> sizes = Map.of("EMPTY", 0L, "ONE", 1L, "SMALL", 64L * TestFiles.KIB,
                "LARGE", 50L * TestFiles.MIB);
        for (Map.Entry<String, Long> file : sizes.entrySet()) {
            TestFiles.random(temp.resolve("i-out"), "I-" + file.getKey(), file.getValue(), file.getKey().hashCode());
            TestFiles.random(temp.resolve("r-out"), "R-" + file.getKey(), file.getValue(), ~file.getKey().hashCode());
        }
        Map<String, String> hashes = new HashMap<>();
        for (String name : sizes.keySet()) {
            hashes.put("I-" + name, TestFiles.sha256(temp.resolve("i-out").resolve("I-" + name)));
            hashes.put("R-" + name, TestFiles.sha256(temp.resolve("r-out").resolve("R-" + name)));
        }

        SessionResult[] results = runSession();

        for (SessionResult result : results) {
            assertEquals(SessionOutcome.NORMAL_END, result.outcome(), result::toString);
            assertEquals(8, result.files().size(), result::toString);
            assertTrue(result.files().stream().allMatch(file -> file.complete() && file.delivered()),
                    result::toString);
        }
        for (String name : sizes.keySet()) {
            assertEquals(hashes.get("I-" + name), TestFiles.sha256(temp.resolve("r-in").resolve("I-" + name)));
            assertEquals(hashes.get("R-" + name), TestFiles.sha256(temp.resolve("i-in").resolve("R-" + name)));
            assertTrue(Files.isRegularFile(temp.resolve("i-out/sent/I-" + name)), "moved to sent/ after EERP");
            assertTrue(Files.isRegularFile(temp.resolve("r-out/sent/R-" + name)), "moved to sent/ after EERP");
        }
        assertEquals(List.of(), names(temp.resolve("r-in")), "no partial files or owed receipts left");
        assertEquals(List.of(), names(temp.resolve("i-in")), "no partial files or owed receipts left");
        assertEquals(0, count(temp.resolve("r-in/.oftp2-eerp")), "every EERP was answered with RTR");
        assertEquals(0, count(temp.resolve("i-in/.oftp2-eerp")), "every EERP was answered with RTR");
    }

    /** Runs one session; returns the Initiator's and the Responder's result. */
    private SessionResult[] runSession() throws Exception {
        BlockingQueue<SessionResult> responderResults = new LinkedBlockingQueue<>();
        PeerConfig responder = PeerConfig.builder(RESPONDER_ID, "RSECRET").sendDir(temp.resolve("r-out"))
                .receiveDir(Files.createDirectories(temp.resolve("r-in"))).expectPartner(INITIATOR_ID, "ISECRET")
                .tls(new PeerTls(serverPem.certificateChain(), serverPem.privateKey(), clientPem.caCertificate()))
                .build();
        PeerConfig initiator = PeerConfig.builder(INITIATOR_ID, "ISECRET").sendDir(temp.resolve("i-out"))
                .receiveDir(Files.createDirectories(temp.resolve("i-in")))
                .tls(new PeerTls(clientPem.certificateChain(), clientPem.privateKey(), serverPem.caCertificate()))
                .build();
        try (PeerServer server = peer.listen(responder, new InetSocketAddress("127.0.0.1", 0),
                responderResults::add)) {
            SessionResult initiatorResult = peer.client(initiator).connect(server.localAddress())
                    .get(SESSION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            SessionResult responderResult = responderResults.poll(SESSION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(responderResult, "the responder reported its session");
            return new SessionResult[] {initiatorResult, responderResult};
        }
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.count();
        }
    }

    /** The hidden entries of a receive folder (partial files, sidecars) other than the receipts folder. */
    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith(".") && !name.equals(".oftp2-eerp")).sorted().toList();
        }
    }
}
