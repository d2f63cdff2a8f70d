package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.config.RelayConfig;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * The inside OFTP2 daemon gone in the middle of transfers: the reference peer as a process ({@code oftp2-peer
 * receive}) killed with kill -9, then started again on its port. While it is gone, partners are refused cleanly
 * (an ESID, not a hanging session); once it is back, the partner's next calls deliver every file whole through OFTP2
 * restart, and the seconds until sessions end normally again are logged as a figure.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class InsideGoneIT {
    private static final Logger LOG = LogManager.getLogger();
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    private final Partners partners = new Partners(relay);
    private final CompletableFuture<Void> release = new CompletableFuture<>();
    private int runs;

    @Test
    void partnersAreRefusedWhileTheInsideDaemonIsGoneAndDeliverEveryFileWholeOnceItIsBack() throws Exception {
        Path inbox = relay.folder("daemon-in");
        DaemonProcess daemon = startDaemon(inbox, 0);
        InetSocketAddress daemonAddress = DaemonKillIT.port(daemon, LISTENING);
        InsideFront front = relay.closeAfterwards(new InsideFront(relay.group(), daemonAddress));
        RelayConfig config = TestConfig.base(relay.serverIdentity(), PKI.ca().certificate(), front.address());
        relay.startClientProcess(config);
        TransferSet inward = TransferSet.inward(relay, partners, inbox, TwoWayTransfers.FILES, TwoWayTransfers.SIZE);
        front.plan(InsideFront.Plan.holding(TwoWayTransfers.FILES * TwoWayTransfers.SIZE / 2, release));
        CompletableFuture<SessionResult> held = inward.session(relay.partnerAddress());
        Await.until(() -> front.holding() == 1, RelayPath.TIMEOUT, "the transfer to be half way through");
        front.plan(InsideFront.Plan.DIRECT);

        long killed = System.nanoTime();
        daemon.kill();
        release.complete(null);
        SessionResult cut = Partners.outcome(held);
        long cutMillis = DaemonKillIT.millisSince(killed);
        assertNotEquals(SessionOutcome.NORMAL_END, cut.outcome(), cut::toString);
        SessionResult refused = Partners.outcome(inward.session(relay.partnerAddress()));
        assertTrue(refused.outcome() == SessionOutcome.REFUSED_BY_PARTNER && refused.esidReceived() != null,
                () -> "a partner calling while the inside daemon is gone gets an ESID: " + refused);

        DaemonProcess again = startDaemon(inbox, daemonAddress.getPort());
        DaemonKillIT.port(again, LISTENING);
        long servedMillis = Probe.of(relay, partners).untilServed(relay::partnerAddress).toMillis();
        inward.deliverAll(relay::partnerAddress, RelayPath.TIMEOUT);
        inward.assertArrivedIntact();
        assertTrue(!inward.restarts().isEmpty(), "a cut file resumed rather than starting over");
        LOG.info("figure: kill -9 of the inside OFTP2 daemon: the cut session ended within {} ms, a partner calling "
                + "meanwhile got ESID {}; once the daemon listened again a new partner session ended normally {} ms "
                + "later; {} file(s) resumed by OFTP2 restart, all identical", cutMillis,
                refused.esidReceived().reason(), servedMillis, inward.restarts().size());
    }

    /** {@code oftp2-peer receive} as the inside daemon on {@code port} (0 for a free one), into {@code inbox}. */
    private DaemonProcess startDaemon(Path inbox, int port) {
        runs++;
        return relay.closeAfterwards(DaemonProcess.start("oftp2-peer.jar", inbox.resolveSibling("daemon-" + runs
                + ".log"), List.of("receive", "--listen", "127.0.0.1:" + port, "--dir", inbox.toString(),
                "--odette-id", TestConfig.INSIDE_ID, "--password", TestConfig.INSIDE_PASSWORD, "--credit",
                Integer.toString(Ssid.MAX_CREDIT))));
    }
}
