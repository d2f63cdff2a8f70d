package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.link.LinkSettings;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.relay.server.session.AuditRecord;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * A slow inside daemon slows only its own partner (DESIGN.md, The link: per-stream credit): the partner of a daemon
 * that reads 100 KiB/s may push as much as OFTP lets it (a credit of 999 buffers of 99 999 octets, more than its whole
 * file), yet what this JVM holds stays within a bound set by the link windows, and a transfer beside it runs as fast
 * as it runs alone.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SlowInsideIT {
    private static final Logger LOG = LogManager.getLogger();
    /** How fast the slow inside daemon reads. */
    private static final long SLOW_RATE = 100 * 1024;
    /** The size of the transfer beside it, and of its solo baseline. */
    private static final long FAST_FILE = 16 * Figures.MIB;
    /** Transfers beside the slow session at most, for its speed. */
    private static final int BESIDE_ATTEMPTS = 3;
    /** Samples of what the JVM holds, each after a full collection, for one figure. */
    private static final int SAMPLES = 3;
    /** The link's window per stream. */
    private static final long WINDOW = LinkSettings.defaults().streamWindow();
    /**
     * The bound on what the slow session may add to the JVM, counted for both sessions of the test: per session a
     * window in each of its places on the link (relay-server's stream queue, the window in flight, relay-client's
     * write to the daemon, one more for frames in the making) and the 2 MiB of Netty's batches (one read of the
     * partner, up to 16 × 64 KiB, and the partner's own 1 MiB write buffer in this JVM); plus slack for what is no
     * session's: the allocator's chunks pinned by long-lived buffers and the leak detector's records (paranoid in
     * tests). A relay that took in the partner's file as fast as it came would add the whole file,
     * {@link Figures#slowFile()}.
     */
    private static final long MEMORY_BOUND = 2 * (4 * WINDOW + 2 * Figures.MIB) + 16 * Figures.MIB;
    /**
     * What may be on the way from the slow session's partner to its daemon: the relay's windows and the loopback
     * sockets' buffers between relay-client and the daemon, which Linux grows to 4 MiB (send) and 6 MiB (receive).
     */
    private static final long IN_FLIGHT_BOUND = 16 * Figures.MIB;
    /** A transfer beside the slow one keeps at least this share of its solo speed. */
    private static final double SHARE_OF_SOLO_SPEED = 0.5;

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    private final Partners partners = new Partners(relay);

    @Test
    void aSlowInsideDaemonSlowsOnlyItsOwnPartnerAndMemoryStaysBounded() throws Exception {
        relay.startClient(relay.config());
        TestFiles.Written solo = TestFiles.random(relay.folder("solo-out"), "SOLO", FAST_FILE, 1);
        TestFiles.Written slow = TestFiles.random(relay.folder("slow-out"), "SLOW", Figures.slowFile(), 3);

        double soloSpeed = transfer(solo);
        MemoryProbe.Held idle = MemoryProbe.peak(SAMPLES);
        long slowStart = System.nanoTime();
        CompletableFuture<SessionResult> slowSession = startSlowSession(slow);
        double besideSpeed = besideSpeed(soloSpeed);
        // On a fast machine the transfers beside it may end before the slow daemon has read its first buffer of
        // 99 999 octets (a second at its rate); the figures below need the slow session to have moved.
        Path slowPart = relay.inside().inbox().resolve(".SLOW.part");
        Await.until(() -> sizeOf(slowPart) > 0, RelayPath.TIMEOUT,
                "the slow daemon's first octets");
        // The slow session alone again, by now as full as its partner could make it.
        MemoryProbe.Held withSlow = MemoryProbe.peak(SAMPLES);
        double slowSeconds = (System.nanoTime() - slowStart) / 1e9;
        long slowArrived = Files.size(slowPart);
        assertFalse(slowSession.isDone(), "the slow session is still running");

        // Ending it shows what its partner got into relay-server: far less than the file, little more than arrived.
        relay.inside().front().close();
        AuditRecord record = relay.awaitAudit(audit -> audit.bytesFromPartner() < slow.size()
                && audit.verdict() != AuditRecord.Verdict.COMPLETED, "the slow session's end");
        Observed observed = new Observed(soloSpeed, besideSpeed, slowArrived, slowSeconds, record.bytesFromPartner(),
                withSlow.total() - idle.total());
        LOG.info("figure: {}; held after GC {} MiB without the slow session, with it heap +{} MiB, buffer pools "
                + "+{} MiB", observed, mib(idle.total()), mib(withSlow.heap() - idle.heap()),
                mib(withSlow.pooled() - idle.pooled()));
        assertTrue(slowArrived > 0 && slowArrived <= SLOW_RATE * slowSeconds + WINDOW, observed::toString);
        assertTrue(record.bytesFromPartner() - slowArrived <= IN_FLIGHT_BOUND, observed::toString);
        assertTrue(besideSpeed >= SHARE_OF_SOLO_SPEED * soloSpeed, observed::toString);
        assertTrue(observed.memoryAdded() <= MEMORY_BOUND, observed::toString);
    }

    /**
     * What the test saw.
     *
     * @param soloSpeed   MiB/s of a transfer alone
     * @param besideSpeed MiB/s of a transfer beside the slow session
     * @param slowArrived octets the slow daemon read
     * @param slowSeconds how long the slow session ran
     * @param intoRelay   octets relay-server read from the slow session's partner
     * @param memoryAdded octets the slow session added to what the JVM holds
     */
    private record Observed(double soloSpeed, double besideSpeed, long slowArrived, double slowSeconds,
            long intoRelay, long memoryAdded) {
        @Override
        public String toString() {
            return "solo " + format(soloSpeed) + " MiB/s, beside the slow session " + format(besideSpeed)
                    + " MiB/s; the slow daemon read " + slowArrived + " octets in " + format(slowSeconds) + " s ("
                    + format(slowArrived / 1024.0 / slowSeconds) + " KiB/s), its partner got " + intoRelay
                    + " octets into relay-server; the slow session added " + mib(memoryAdded)
                    + " MiB to what the JVM holds (bound " + mib(MEMORY_BOUND) + " MiB)";
        }
    }

    /** The partner of the slow daemon, offering the largest credit; the daemon reads {@link #SLOW_RATE}. */
    private CompletableFuture<SessionResult> startSlowSession(TestFiles.Written slow) throws Exception {
        InsideFront front = relay.inside().front();
        front.plan(InsideFront.Plan.throttled(SLOW_RATE));
        int connections = front.connections();
        CompletableFuture<SessionResult> session = partners.callRelay(partners.caller(Partners.partner(
                slow.path().getParent(), null).credit(Ssid.MAX_CREDIT), PKI.client(TestConfig.PARTNER_ID)));
        Await.until(() -> front.connections() > connections, RelayPath.TIMEOUT, "the slow session inside");
        front.plan(InsideFront.Plan.DIRECT);
        return session;
    }

    /**
     * The speed of a transfer beside the slow session: the best of up to {@link #BESIDE_ATTEMPTS} transfers, fewer
     * once one reaches the share of the solo speed. On a shared machine one transfer can be slowed by others' work;
     * a relay whose slow stream held up the others would slow every attempt.
     */
    private double besideSpeed(double soloSpeed) throws Exception {
        double best = 0;
        for (int i = 1; i <= BESIDE_ATTEMPTS && best < SHARE_OF_SOLO_SPEED * soloSpeed; i++) {
            double speed = transfer(TestFiles.random(relay.folder("beside-out-" + i), "BESIDE" + i, FAST_FILE, 10 + i));
            LOG.info("transfer {} beside the slow session: {} MiB/s", i, format(speed));
            best = Math.max(best, speed);
        }
        return best;
    }

    /** One partner session sending {@code file}; its speed in MiB/s over the whole session. */
    private double transfer(TestFiles.Written file) throws Exception {
        long start = System.nanoTime();
        SessionResult result = Partners.outcome(partners.callRelay(partners.partnerCaller(file.path().getParent(),
                null)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(SessionOutcome.NORMAL_END, result.outcome(), result::toString);
        Path arrived = relay.inside().inbox().resolve(file.path().getFileName());
        assertEquals(file.sha256(), TestFiles.sha256(arrived));
        return file.size() / (double) Figures.MIB / seconds;
    }

    /** The size of a file that may not exist yet: 0 until it does. */
    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String mib(long octets) {
        return format(octets / (double) Figures.MIB);
    }

    private static String format(double value) {
        return String.format("%.1f", value);
    }
}
