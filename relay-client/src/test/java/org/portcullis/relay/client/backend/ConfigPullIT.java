package org.portcullis.relay.client.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.link.LinkSettings;
import org.portcullis.relay.client.ClientTestSetup;
import org.portcullis.relay.client.RelayClient;
import org.portcullis.relay.server.RelayServer;
import org.portcullis.relay.server.RelayServerSettings;
import org.portcullis.relay.server.license.RunningLicense;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * The configuration pull end to end, all parts real: backend-api in-JVM (behind a counting TCP front), relay-client,
 * and relay-server, which applies what relay-client pushes and says so.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConfigPullIT {
    private static final Logger LOG = LogManager.getLogger();
    /** How soon a change must arrive: far below the poll interval of 60 s, ample on a loaded machine. */
    private static final Duration CHANGE_BOUND = Duration.ofSeconds(15);

    @RegisterExtension
    @Order(1)
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    @Order(2)
    final RealBackend backend = new RealBackend(PKI);

    private final ClientTestSetup setup = new ClientTestSetup(PKI);
    private RelayServer server;
    private InetSocketAddress serverAddress;
    private String token;
    private Backend pull;
    private RelayClient client;

    @BeforeEach
    void startServer() {
        backend.minimalConfiguration();
        token = backend.createToken("relay-dmz-1");
        server = new RelayServer(new RelayServerSettings(new InetSocketAddress("127.0.0.1", 0),
                setup.serverCredentials(), LinkSettings.defaults(), record -> { }, RunningLicense.unlimited()));
        serverAddress = server.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private void startClient(BackendSettings settings) throws InterruptedException {
        pull = TestPull.backend(settings);
        client = TestPull.client(setup, serverAddress, pull);
        client.start();
    }

    private BackendSettings settings() {
        return TestPull.settings(backend.url(), token, PKI.writeCa());
    }

    /** Waits until relay-server applied the revision relay-client holds, and returns it. */
    private String awaitApplied() {
        Await.until(() -> pull.current().isPresent() && client.status().get("config.appliedByServer")
                .equals(pull.current().get().config().revision()), TestPull.WAIT, "relay-server to apply the pull");
        return pull.current().orElseThrow().config().revision();
    }

    @Test
    void pullsTheDocumentAndRelayServerAppliesIt() throws Exception {
        startClient(settings());

        String revision = awaitApplied();

        assertFalse(server.partnerAddresses().isEmpty(), "relay-server listens for partners");
        Map<String, String> status = client.status();
        assertEquals(revision, status.get("config.revision"));
        assertEquals("https://localhost:" + backend.front().address().getPort() + "/v1/config",
                status.get("config.source"));
        assertEquals("direct", status.get("backend.route"));
        assertTrue(status.get("link").startsWith("up to "), status::toString);
        assertFalse(status.toString().contains(token), "status never shows the token");
    }

    @Test
    void anUnchangedDocumentCostsOneSmallRequestOnTheSameConnection() throws Exception {
        // Plain polls, so many come quickly: an unchanged long poll costs the same octets, only later.
        startClient(settings().withPolling(Duration.ofMillis(100), Duration.ZERO));
        awaitApplied();
        Await.until(() -> pull.pollCounts().unchanged.get() >= 1, TestPull.WAIT, "a first unchanged poll");

        long unchangedBefore = pull.pollCounts().unchanged.get();
        long pollsBefore = pull.pollCounts().polls.get();
        long upBefore = backend.front().octetsIn();
        long octetsBefore = upBefore + backend.front().octetsOut();
        int polls = 60;
        Await.until(() -> pull.pollCounts().unchanged.get() >= unchangedBefore + polls, TestPull.WAIT,
                polls + " unchanged polls");
        long unchanged = pull.pollCounts().unchanged.get() - unchangedBefore;
        long requests = pull.pollCounts().polls.get() - pollsBefore;
        long octets = backend.front().octetsIn() + backend.front().octetsOut() - octetsBefore;
        long up = backend.front().octetsIn() - upBefore;

        LOG.info("measured: {} unchanged polls took {} request(s) and {} octets on the wire: {} octets per poll ({} up,"
                + " {} down; TLS records included); {} TCP connection(s) to the backend in all", unchanged, requests,
                octets, octets / unchanged, up / unchanged, (octets - up) / unchanged, backend.front().connections());
        assertEquals(1, pull.pollCounts().documents.get(), "the document was downloaded once");
        assertTrue(requests <= unchanged + 1, requests + " requests for " + unchanged + " unchanged polls");
        assertTrue(octets / unchanged < 1024, octets / unchanged + " octets per unchanged poll");
        assertEquals(1, backend.front().connections(), "one kept-alive connection carries every poll");
    }

    @Test
    void aChangeInTheBackendReachesRelayServerWithinTwoSecondsThroughTheLongPoll() throws Exception {
        startClient(settings().withPolling(Duration.ofSeconds(60), BackendSettings.DEFAULT_LONG_POLL_WAIT));
        String first = awaitApplied();
        Await.until(() -> backend.service().publisher().waiting() > 0, TestPull.WAIT, "relay-client's long poll");
        long pollsBefore = pull.pollCounts().polls.get();

        long start = System.nanoTime();
        backend.admin("inside", "set", "127.0.0.1:3306");
        long committed = System.nanoTime();
        Await.until(() -> !client.status().get("config.appliedByServer").equals(first), TestPull.WAIT,
                "the change to reach relay-server");
        Duration took = Duration.ofNanos(System.nanoTime() - committed);

        LOG.info("measured: a change committed by the backend's CLI was applied by relay-server {} ms later, "
                + "through the long poll ({} ms with the CLI's own run)", took.toMillis(),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, took.toMillis() + " ms");
        assertEquals(3306, pull.current().orElseThrow().config().inside().port());
        assertTrue(pull.pollCounts().polls.get() - pollsBefore <= 2, "the held poll answered, no polls in between");
    }

    /**
     * The defect of the first demo: the first change came through the long poll, but a second document in a row set
     * the 60 s pace, so the later changes waited for it. One change (the test above) did not show it.
     */
    @Test
    void threeChangesInARowEachReachRelayServerWithinSecondsThroughTheLongPoll() throws Exception {
        startClient(settings().withPolling(Duration.ofSeconds(60), BackendSettings.DEFAULT_LONG_POLL_WAIT));
        awaitApplied();

        for (int port = 3311; port <= 3313; port++) {
            String before = client.status().get("config.appliedByServer");
            long committed = System.nanoTime();
            backend.admin("inside", "set", "127.0.0.1:" + port);
            int expected = port;
            // Well under the 60 s poll interval: only the long poll can bring it this soon.
            Await.until(() -> pull.current().orElseThrow().config().inside().port() == expected
                    && !client.status().get("config.appliedByServer").equals(before), CHANGE_BOUND,
                    "change " + (port - 3310) + " to reach relay-server");
            LOG.info("measured: change {} of 3 applied by relay-server {} ms after the backend's CLI began", port - 3310,
                    Duration.ofNanos(System.nanoTime() - committed).toMillis());
        }
    }

    @Test
    void closingEndsAHeldLongPollAtOnce() throws Exception {
        startClient(settings().withPolling(Duration.ofSeconds(60), BackendSettings.DEFAULT_LONG_POLL_WAIT));
        awaitApplied();
        Await.until(() -> backend.service().publisher().waiting() > 0, TestPull.WAIT, "relay-client's long poll");

        long start = System.nanoTime();
        client.close();
        client = null;

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "closing took " + took.toMillis() + " ms");
        Await.until(() -> backend.service().publisher().waiting() == 0, TestPull.WAIT, "the long poll to end");
    }

    @Test
    void theRelayGoesOnWhileTheBackendIsDownAndCatchesUpWhenItIsBack() throws Exception {
        startClient(settings());
        String first = awaitApplied();
        InetSocketAddress partners = server.partnerAddresses().get(0);

        backend.stop();
        backend.front().cutAll();
        long failures = pull.pollCounts().failures.get();
        Await.until(() -> pull.pollCounts().failures.get() >= failures + 3, TestPull.WAIT, "polls to fail");

        assertTrue(server.linkUp(), "the link stays up");
        assertEquals(partners, server.partnerAddresses().get(0), "relay-server keeps listening for partners");
        assertEquals(first, client.status().get("config.revision"), "the last good configuration stays");
        assertEquals(first, client.status().get("config.appliedByServer"));

        backend.admin("inside", "set", "127.0.0.1:3307");
        backend.start();
        Await.until(() -> !client.status().get("config.appliedByServer").equals(first), TestPull.WAIT,
                "the change made while the backend was down to reach relay-server");
        assertEquals(3307, pull.current().orElseThrow().config().inside().port());
    }

    @Test
    void withoutAnyConfigurationTheLinkComesUpAndTheFirstDocumentIsPushedWhenItArrives() throws Exception {
        backend.stop();
        startClient(settings());

        Await.until(server::linkUp, TestPull.WAIT, "the link, without a configuration");
        Await.until(() -> pull.pollCounts().failures.get() >= 2, TestPull.WAIT, "polls to fail");
        assertTrue(server.partnerAddresses().isEmpty(), "nothing pushed, so no partner listener");
        assertEquals("none yet", client.status().get("config.revision"));
        assertEquals("none yet", client.status().get("config.appliedByServer"));

        backend.start();
        awaitApplied();
        assertFalse(server.partnerAddresses().isEmpty());
    }
}
