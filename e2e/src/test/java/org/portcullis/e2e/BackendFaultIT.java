package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.relay.server.RelayServer;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * What is not on the data path fails without the relay noticing in its sessions: backend-api killed (kill -9) in
 * the middle of transfers and kept down for several polls, and the egress proxies relay-client reaches the backend
 * through (real tinyproxy processes) gone. relay-client (a process of its runnable jar) keeps the last good
 * configuration, its {@code ctl status} shows the configuration's age growing, new sessions are served throughout,
 * and the pulls resume when the backend or a proxy is back (the seconds it takes are logged as figures). Waiting
 * out relay-client's backoff after failed polls takes minutes on a loaded machine, and the proxies' case needs
 * tinyproxy (which {@code ops/chaos} installs): tagged {@code chaos}, run by {@code ops/chaos}, not by
 * {@code mvn verify}.
 */
@Tag("chaos")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BackendFaultIT {
    private static final Logger LOG = LogManager.getLogger();
    private static final Pattern UNREACHABLE = Pattern.compile("(backend \\S+ unreachable)");
    private static final Pattern ANSWERS_AGAIN = Pattern.compile("backend \\S+ answers again \\(after (\\d+) failed");
    private static final Pattern FAILED_POLLS = Pattern.compile("(\\d+) failed\\)");
    /**
     * The polls that fail while the backend is down. relay-client spaces its polls after failures by a growing
     * backoff (2 s doubling, capped at its poll interval), so three already make a long outage.
     */
    private static final int FAILED_WHILE_DOWN = 3;
    /** How long relay-client may take to pull again once the backend is back: backend-api's start, then a poll. */
    private static final Duration RECOVERY = RelayPath.TIMEOUT.multipliedBy(2);

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    private final Partners partners = new Partners(relay);
    private ClientControl control;
    private Probe probe;

    @BeforeEach
    void controlAndProbe() throws Exception {
        control = ClientControl.create(relay);
        probe = Probe.of(relay, partners);
    }

    @Test
    void theRelayKeepsServingWithItsLastGoodConfigurationWhileTheBackendIsDownAndPullsAgainOnceItIsBack()
            throws Exception {
        TwoWayTransfers transfers = TwoWayTransfers.prepare(relay, partners);
        BackendProcess backend = BackendProcess.setUp(relay, transfers.config());
        backend.start();
        DaemonProcess client = startClient(backend, List.of());
        transfers.startHeld(relay.partnerAddress(), DaemonKillIT.port(client, DaemonKillIT.ROUTE_PORT));

        long killed = System.nanoTime();
        backend.kill();
        client.awaitLog(UNREACHABLE, RelayPath.TIMEOUT);
        long noticedMillis = DaemonKillIT.millisSince(killed);
        transfers.assertCompleted();

        String before = control.status(client);
        long ageBefore = ClientControl.configAgeSeconds(before);
        Await.until(() -> {
            String now = control.status(client);
            return failedPolls(now) >= FAILED_WHILE_DOWN
                    && ClientControl.configAgeSeconds(now) >= ageBefore + FAILED_WHILE_DOWN;
        }, RelayPath.TIMEOUT, FAILED_WHILE_DOWN + " failed polls and the configuration older");
        String during = control.status(client);
        assertEquals(ClientControl.field(before, "config.revision"), ClientControl.field(during, "config.revision"),
                during);
        assertEquals(ClientControl.field(before, "backend.lastAnswer"), ClientControl.field(during,
                "backend.lastAnswer"), during);
        assertServes("while the backend is down");
        long downMillis = DaemonKillIT.millisSince(killed);

        long back = System.nanoTime();
        backend.start();
        String failed = client.awaitLog(ANSWERS_AGAIN, RECOVERY);
        long recoveredMillis = DaemonKillIT.millisSince(back);
        String after = control.status(client);
        assertNotEquals(ClientControl.field(during, "backend.lastAnswer"), ClientControl.field(after,
                "backend.lastAnswer"), after);
        LOG.info("figure: kill -9 of backend-api in the middle of transfers both ways: the transfers completed, "
                + "relay-client noticed at its next poll ({} ms); down {} ms ({} failed polls), relay-client kept "
                + "configuration revision {} (config.age {} in ctl status) and served new sessions; it pulled again "
                + "{} ms after backend-api was started again (its backoff between failed polls had grown)", noticedMillis, downMillis, failed,
                ClientControl.field(during, "config.revision"), ClientControl.field(during, "config.age"),
                recoveredMillis);
    }

    @Test
    void relayClientFailsOverToTheNextProxyWhenItsProxyIsGoneAndPullsAgainWhenOneIsBack() throws Exception {
        BackendProcess backend = BackendProcess.setUp(relay, relay.config());
        backend.start();
        Tinyproxy first = relay.closeAfterwards(Tinyproxy.start(relay.folder("proxies"), "first"));
        Tinyproxy second = relay.closeAfterwards(Tinyproxy.start(relay.folder("proxies"), "second"));
        // The proxies are the only way out: no direct step, and the environment (os step) is not asked.
        DaemonProcess client = startClient(backend, List.of("--proxy", first.url() + "," + second.url(),
                "--proxy-discovery-order", "flags"));
        awaitRoute(client, first, "the first proxy");

        long firstGone = System.nanoTime();
        first.kill();
        awaitRoute(client, second, "the second proxy, once the first is gone");
        long failoverMillis = DaemonKillIT.millisSince(firstGone);
        assertServes("with the first proxy gone");

        second.kill();
        long failedBefore = failedPolls(control.status(client));
        Await.until(() -> failedPolls(control.status(client)) > failedBefore, RelayPath.TIMEOUT,
                "a poll to fail with both proxies gone");
        assertServes("with both proxies gone");

        long back = System.nanoTime();
        first.restart();
        awaitRoute(client, first, "the first proxy, once it is back");
        long recoveredMillis = DaemonKillIT.millisSince(back);
        LOG.info("figure: egress proxy gone: relay-client pulled through the next proxy {} ms after the first was "
                + "killed; with both gone it kept serving; it pulled through the first again {} ms after it was "
                + "started again", failoverMillis, recoveredMillis);
    }

    /** relay-client pulling from {@code backend}, with its control port and {@code extra} options. */
    private DaemonProcess startClient(BackendProcess backend, List<String> extra) {
        List<String> arguments = new ArrayList<>(backend.clientArguments());
        arguments.addAll(control.daemonArguments());
        arguments.addAll(extra);
        DaemonProcess client = relay.startClientProcess(relay.linkAddress(), arguments);
        RelayServer server = relay.server();
        Await.until(() -> server.linkUp() && !server.partnerAddresses().isEmpty(), RelayPath.TIMEOUT,
                "relay-server to have relay-client's link and the backend's configuration");
        return client;
    }

    private void awaitRoute(DaemonProcess client, Tinyproxy proxy, String what) {
        Await.until(() -> {
            String route = ClientControl.field(control.status(client), "backend.route");
            return route != null && route.contains("127.0.0.1:" + proxy.port());
        }, RelayPath.TIMEOUT, "relay-client's polls to go through " + what);
    }

    /** A new partner session (nothing to send) ends normally. */
    private void assertServes(String when) throws Exception {
        probe.assertServed(relay.partnerAddress(), when);
    }

    private static long failedPolls(String status) {
        Matcher matcher = FAILED_POLLS.matcher(String.valueOf(ClientControl.field(status, "backend.polls")));
        if (!matcher.find()) {
            throw new AssertionError("no failed polls count in relay-client's status:\n" + status);
        }
        return Long.parseLong(matcher.group(1));
    }
}
