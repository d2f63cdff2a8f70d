package org.portcullis.benchmarks.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.oftp2.peer.OftpPeer;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.PeerServer;
import picocli.CommandLine;

/** Each workload of the load driver against a reference peer as the inside daemon, over plain TCP. */
@Timeout(120)
class RelayLoadTest {
    private static final String PARTNER = "O0013000000PARTNER";
    private static final String INSIDE = "O0013000000INSIDE";

    @TempDir
    Path dir;

    private Path inbox;
    private OftpPeer peer;
    private PeerServer daemon;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startInsideDaemon() throws Exception {
        inbox = Files.createDirectories(dir.resolve("inbox"));
        peer = OftpPeer.create(1, 4);
        daemon = peer.listen(PeerConfig.builder(INSIDE, "INSIDE01").receiveDir(inbox).build(),
                new InetSocketAddress("127.0.0.1", 0), result -> { });
    }

    @AfterEach
    void stopInsideDaemon() {
        daemon.close();
        peer.close();
    }

    @Test
    void bulkSendsEveryFileAndFindsItUnchangedAtTheSink() throws Exception {
        assertEquals(0, run("bulk", "--files", "3", "--size", "300000", "--work", dir.resolve("send").toString(),
                "--sink-dir", inbox.toString()), err.toString());
        assertTrue(out.toString().startsWith("RESULT workload=bulk files=3 octets=900000 "), out.toString());
        try (Stream<Path> left = Files.list(inbox).filter(Files::isRegularFile)) {
            assertEquals(0, left.count(), "the checked files are removed from the sink");
        }
    }

    @Test
    void bulkFailsWhenAFileIsNotAtTheSink() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        assertEquals(1, run("bulk", "--files", "1", "--size", "1000", "--work", dir.resolve("send").toString(),
                "--sink-dir", elsewhere.toString()));
        assertTrue(err.toString().contains("BULK-0 did not arrive"), err.toString());
    }

    @Test
    void setupRunsEverySessionWithItsOwnFile() {
        assertEquals(0, run("setup", "--sessions", "12", "--warmup", "2", "--concurrency", "4",
                "--work", dir.resolve("send").toString(), "--sink-dir", inbox.toString()), err.toString());
        assertTrue(out.toString().startsWith("RESULT workload=setup sessions=12 concurrency=4 "), out.toString());
    }

    @Test
    void holdKeepsSessionsOpenAndReadsTheMemoryOfAWatchedProcess() {
        assertEquals(0, run("hold", "--sessions", "20", "--in-flight", "5",
                "--watch", "self=" + ProcessHandle.current().pid()), err.toString());
        assertTrue(out.toString().matches("(?s)RESULT workload=hold sessions=20 openSeconds=\\S+ self\\.rssKiB=\\d+ "
                + "self\\.rssPerSessionKiB=\\S+\\s*"), out.toString());
    }

    @Test
    void latencyTimesEveryExchange() {
        assertEquals(0, run("latency", "--exchanges", "30", "--warmup", "5"), err.toString());
        assertTrue(out.toString().matches("(?s)RESULT workload=latency exchanges=30 p50us=\\S+ p99us=\\S+\\s*"),
                out.toString());
    }

    @Test
    void latencyWithoutAWarmUpTimesEveryExchange() {
        assertEquals(0, run("latency", "--exchanges", "10", "--warmup", "0"), err.toString());
        assertTrue(out.toString().contains("RESULT workload=latency exchanges=10 "), out.toString());
    }

    private int run(String... workload) {
        List<String> args = new ArrayList<>(List.of(workload));
        args.addAll(List.of("--connect", "127.0.0.1:" + daemon.localAddress().getPort(), "--odette-id", PARTNER,
                "--password", "PARTNER1", "--destination", INSIDE));
        return new CommandLine(new RelayLoad()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
    }
}
