package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.config.RelayConfig;
import org.portcullis.testkit.TestPki;

/**
 * kill -9 of relay-client and of relay-server, each a process of its runnable jar, in the middle of transfers both
 * ways: once the daemon runs again, the senders call again and every file arrives whole and identical through OFTP2
 * restart, no file having been reported complete or delivered before it was (checked at every session's end), and
 * the relay serves sessions again within seconds of the daemon's restart (logged as figures). Several daemon
 * restarts take minutes on a loaded machine: tagged {@code chaos}, run by {@code ops/chaos}, not by {@code mvn verify}
 * (where {@link ClientKillIT} kills relay-client).
 */
@Tag("chaos")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DaemonKillIT {
    private static final Logger LOG = LogManager.getLogger();
    private static final Duration TIMEOUT = RelayPath.TIMEOUT;
    static final Pattern LINK_PORT = Pattern.compile("link listening on 127\\.0\\.0\\.1:(\\d+)");
    static final Pattern PARTNER_PORT = Pattern.compile("listening for partners on 127\\.0\\.0\\.1:(\\d+)");
    static final Pattern ROUTE_PORT = Pattern.compile("route " + TestConfig.ROUTE
            + ": listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern LINK_UP = Pattern.compile("(link to relay-server \\S+ is up)");

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    private final Partners partners = new Partners(relay);

    @Test
    void everyFileArrivesWholeAfterRelayClientIsKilledInTheMiddleOfTransfersBothWays() throws Exception {
        TwoWayTransfers transfers = TwoWayTransfers.prepare(relay, partners);
        RelayConfig config = transfers.config();
        DaemonProcess client = relay.startClientProcess(config);
        transfers.startHeld(relay.partnerAddress(), port(client, ROUTE_PORT));

        long killed = System.nanoTime();
        client.kill();
        transfers.assertCut();
        long cutMillis = millisSince(killed);

        long restarted = System.nanoTime();
        DaemonProcess again = relay.startClientProcess(config);
        long configuredMillis = millisSince(restarted);
        long servedMillis = Probe.of(relay, partners).untilServed(relay::partnerAddress).toMillis();
        transfers.deliverAll(relay::partnerAddress, () -> port(again, ROUTE_PORT));
        transfers.assertIntact();
        assertTrue(transfers.restarts() > 0, "a cut file resumed rather than starting over");
        LOG.info("figure: kill -9 of relay-client: the cut sessions ended within {} ms; restarted, relay-client had "
                + "its link up and its configuration applied after {} ms, and a new partner session ended normally "
                + "{} ms later; {} file(s) resumed by OFTP2 restart, all {} files identical both ways", cutMillis,
                configuredMillis, servedMillis, transfers.restarts(), 2 * TwoWayTransfers.FILES);
    }

    @Test
    void everyFileArrivesWholeAfterRelayServerIsKilledInTheMiddleOfTransfersBothWays() throws Exception {
        TwoWayTransfers transfers = TwoWayTransfers.prepare(relay, partners);
        AtomicReference<DaemonProcess> server = new AtomicReference<>(
                relay.startServerProcess(relay.license().arguments()));
        InetSocketAddress link = port(server.get(), LINK_PORT);
        DaemonProcess client = relay.startClientProcess(transfers.config(), link);
        transfers.startHeld(port(server.get(), PARTNER_PORT), port(client, ROUTE_PORT));

        long killed = System.nanoTime();
        server.get().kill();
        transfers.assertCut();
        long cutMillis = millisSince(killed);

        long restarted = System.nanoTime();
        server.set(relay.startServerProcess(link.getPort(), relay.license().arguments()));
        port(server.get(), LINK_PORT);
        long upMillis = millisSince(restarted);
        Supplier<InetSocketAddress> partnerPort = () -> port(server.get(), PARTNER_PORT);
        long servedMillis = Probe.of(relay, partners).untilServed(partnerPort).toMillis();
        transfers.deliverAll(partnerPort, () -> port(client, ROUTE_PORT));
        transfers.assertIntact();
        assertTrue(transfers.restarts() > 0, "a cut file resumed rather than starting over");
        assertTrue(client.console().lines().filter(line -> LINK_UP.matcher(line).find()).count() >= 2,
                "relay-client linked again by itself:\n" + client.console());
        LOG.info("figure: kill -9 of relay-server: the cut sessions ended within {} ms; restarted, it listened on "
                + "its link after {} ms, and a new partner session ended normally {} ms later (relay-client "
                + "reconnecting with its backoff, then pushing the configuration); {} file(s) resumed by OFTP2 "
                + "restart, all {} files identical both ways", cutMillis, upMillis, servedMillis,
                transfers.restarts(), 2 * TwoWayTransfers.FILES);
    }

    /** The loopback port a daemon logged with {@code pattern}. */
    static InetSocketAddress port(DaemonProcess daemon, Pattern pattern) {
        return new InetSocketAddress("127.0.0.1", Integer.parseInt(daemon.awaitLog(pattern, TIMEOUT)));
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
