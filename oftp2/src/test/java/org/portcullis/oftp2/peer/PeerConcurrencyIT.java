package org.portcullis.oftp2.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.testkit.Await;

/** Many sessions at once in one JVM, as the benchmarks run them (RFC 5024 §4, one session per connection). */
@Timeout(60)
class PeerConcurrencyIT {
    private static final int SESSIONS = 16;
    private static final long SESSION_TIMEOUT_SECONDS = 40;
    private static final long[] SIZES = {0, 1000, 200 * TestFiles.KIB};

    @TempDir
    Path temp;

    @Test
    void runsManySessionsAtOnceWithoutMixingThemUp() throws Exception {
        Path inbox = Files.createDirectories(temp.resolve("in"));
        ConcurrentLinkedQueue<SessionResult> responderResults = new ConcurrentLinkedQueue<>();
        PeerConfig responder = PeerConfig.builder("O0013000000RESPONDER", "RSECRET").receiveDir(inbox).build();
        try (OftpPeer peer = OftpPeer.create(2, 4);
                PeerServer server = peer.listen(responder, new InetSocketAddress("127.0.0.1", 0),
                        responderResults::add)) {
            List<CompletableFuture<SessionResult>> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                Path outbox = temp.resolve("out" + i);
                for (int f = 0; f < SIZES.length; f++) {
                    TestFiles.random(outbox, String.format("S%02d-F%d", i, f), SIZES[f], i * 31L + f);
                }
                PeerConfig initiator = PeerConfig.builder(String.format("O0013000000INIT%02d", i), "ISECRET")
                        .sendDir(outbox).build();
                sessions.add(peer.client(initiator).connect(server.localAddress()));
            }
            for (CompletableFuture<SessionResult> session : sessions) {
                SessionResult result = session.get(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertEquals(SessionOutcome.NORMAL_END, result.outcome(), result::toString);
                assertEquals(SIZES.length, result.files().size(), result::toString);
                assertTrue(result.files().stream().allMatch(FileTransfer::delivered), result::toString);
            }
            Await.until(() -> responderResults.size() == SESSIONS, java.time.Duration.ofSeconds(10),
                    "every responder session reported");
        }
        assertTrue(responderResults.stream().allMatch(result -> result.outcome() == SessionOutcome.NORMAL_END));
        for (int i = 0; i < SESSIONS; i++) {
            for (int f = 0; f < SIZES.length; f++) {
                String name = String.format("S%02d-F%d", i, f);
                assertEquals(TestFiles.sha256(temp.resolve("out" + i).resolve("sent").resolve(name)),
                        TestFiles.sha256(inbox.resolve(name)), name);
            }
        }
    }
}
