package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.relay.server.RelayServer;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * The link cut without a FIN in the middle of transfers both ways: relay-client (a process of its runnable jar) dials
 * relay-server through a {@link PausingProxy}, which stops forwarding and closes nothing, as a pulled cable does.
 * Only the link's heartbeat can tell; both sides must notice within its timeout (15 s by default), end the sessions
 * they carried, and link again once the path is back, after which every file arrives whole through OFTP2 restart.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LinkCutIT {
    private static final Logger LOG = LogManager.getLogger();
    private static final Duration TIMEOUT = RelayPath.TIMEOUT;
    private static final Pattern LINK_LOST = Pattern.compile("(link to relay-server lost)");

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    private final Partners partners = new Partners(relay);

    @Test
    void theHeartbeatNoticesALinkCutWithoutAFinAndEveryFileArrivesWholeOnceItIsBack() throws Exception {
        TwoWayTransfers transfers = TwoWayTransfers.prepare(relay, partners);
        PausingProxy cable = relay.closeAfterwards(new PausingProxy(relay.group(), relay.linkAddress()));
        DaemonProcess client = relay.startClientProcess(transfers.config(), cable.address());
        RelayServer server = relay.server();
        Await.until(() -> server.linkUp() && !server.partnerAddresses().isEmpty(), TIMEOUT,
                "relay-server to have relay-client's link (through the proxy) and configuration");
        transfers.startHeld(relay.partnerAddress(), DaemonKillIT.port(client, DaemonKillIT.ROUTE_PORT));

        long cut = System.nanoTime();
        cable.pause();
        transfers.release();
        Await.until(() -> !server.linkUp(), TIMEOUT, "relay-server to notice the link is dead");
        long serverMillis = DaemonKillIT.millisSince(cut);
        client.awaitLog(LINK_LOST, TIMEOUT);
        long clientMillis = DaemonKillIT.millisSince(cut);
        transfers.assertCut();
        long endedMillis = DaemonKillIT.millisSince(cut);

        long back = System.nanoTime();
        cable.resume();
        Await.until(server::linkUp, TIMEOUT, "relay-client to link again once the path is back");
        long relinkMillis = DaemonKillIT.millisSince(back);
        long servedMillis = relinkMillis + Probe.of(relay, partners).untilServed(this::partnerPort).toMillis();
        transfers.deliverAll(this::partnerPort, () -> DaemonKillIT.port(client, DaemonKillIT.ROUTE_PORT));
        transfers.assertIntact();
        assertTrue(transfers.restarts() > 0, "a cut file resumed rather than starting over");
        LOG.info("figure: link cut without a FIN: relay-server noticed after {} ms, relay-client after {} ms, the cut "
                + "sessions had ended {} ms after the cut; once the path was back the link was up again in {} ms and "
                + "a new partner session ended normally {} ms after the path was back; {} file(s) resumed by OFTP2 "
                + "restart, all identical both ways", serverMillis, clientMillis, endedMillis, relinkMillis,
                servedMillis, transfers.restarts());
    }

    /** relay-server's partner listener once it has a configuration again. */
    private InetSocketAddress partnerPort() {
        Await.until(() -> !relay.server().partnerAddresses().isEmpty(), TIMEOUT, "a partner listener");
        return relay.partnerAddress();
    }
}
