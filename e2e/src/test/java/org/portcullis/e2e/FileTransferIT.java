package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portcullis.oftp2.peer.FileTransfer;
import org.portcullis.oftp2.peer.PeerServer;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.relay.client.RelayClient;
import org.portcullis.testkit.TestPki;

/**
 * Files pass the relay path whole, both ways (RFC 5024 §4.3): a partner sends to the inside daemon through
 * relay-server and relay-client; the inside daemon sends to a partner through a route of relay-client, relay-server
 * calling the partner. What arrives has the SHA-256 of what was sent, and both ends exchanged the receipt.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FileTransferIT {
    private static final Logger LOG = LogManager.getLogger();
    private static final String DATASET = "PAYLOAD";

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    private final Partners partners = new Partners(relay);

    /** 0 B, 1 MiB and the large file (200 MiB unless raised). */
    static LongStream sizes() {
        return LongStream.of(0, Figures.MIB, Figures.largeFile());
    }

    @ParameterizedTest(name = "{0} octets")
    @MethodSource("sizes")
    void passesAFileFromAPartnerToTheInsideDaemon(long size) throws Exception {
        relay.startClient(relay.config());
        TestFiles.Written file = TestFiles.random(relay.folder("partner-out"), DATASET, size, size);

        long started = System.nanoTime();
        SessionResult partner = Partners.outcome(partners.callRelay(partners.partnerCaller(file.path().getParent(),
                null)));
        report("partner -> inside", size, started);

        assertDelivered(partner, FileTransfer.Direction.SENT, size);
        SessionResult inside = relay.inside().nextResult(RelayPath.TIMEOUT);
        assertDelivered(inside, FileTransfer.Direction.RECEIVED, size);
        assertEquals(file.sha256(), TestFiles.sha256(relay.inside().inbox().resolve(DATASET)));
    }

    @ParameterizedTest(name = "{0} octets")
    @MethodSource("sizes")
    void passesAFileFromTheInsideDaemonToAPartnerThroughARoute(long size) throws Exception {
        BlockingQueue<SessionResult> remoteResults = new LinkedBlockingQueue<>();
        Path remoteInbox = relay.folder("remote-in");
        PeerServer remote = partners.remote(remoteInbox, remoteResults);
        RelayClient client = relay.startClient(relay.config().withRoutes(
                List.of(TestConfig.route(remote.localAddress()))));
        InetSocketAddress route = client.routeAddress(TestConfig.ROUTE).orElseThrow();
        TestFiles.Written file = TestFiles.random(relay.folder("inside-out"), DATASET, size, size);

        long started = System.nanoTime();
        SessionResult inside = Partners.outcome(partners.insideCaller(file.path().getParent()).connect(route));
        report("inside -> partner", size, started);

        assertDelivered(inside, FileTransfer.Direction.SENT, size);
        SessionResult remoteSession = remoteResults.poll(RelayPath.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertDelivered(remoteSession, FileTransfer.Direction.RECEIVED, size);
        assertEquals(file.sha256(), TestFiles.sha256(remoteInbox.resolve(DATASET)));
        assertEquals(0, relay.inside().connections(), "an outgoing session does not touch the inside listener");
    }

    private static void assertDelivered(SessionResult result, FileTransfer.Direction direction, long size) {
        assertTrue(result != null, "no session result");
        assertEquals(SessionOutcome.NORMAL_END, result.outcome(), result::toString);
        FileTransfer transfer = result.file(DATASET, direction);
        assertTrue(transfer != null && transfer.complete() && transfer.delivered(), result::toString);
        assertEquals(size, transfer.octets(), result::toString);
    }

    private static void report(String direction, long size, long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        LOG.info("figure: {} octets {} in {} ms ({} MiB/s, whole session with TLS set-up and receipts)", size,
                direction, took.toMillis(), String.format("%.1f", size / (double) Figures.MIB
                        / Math.max(took.toNanos(), 1) * 1e9));
    }
}
