package org.portcullis.relay.client.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.relay.client.ClientConfigs;
import org.portcullis.relay.client.ClientTestSetup;
import org.portcullis.relay.client.FakeRelayServer;
import org.portcullis.relay.client.RelayClient;
import org.portcullis.relay.client.cli.Token;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The pull over the routes the proxy options give, parsed as relay-client's command line parses them: through a
 * real CONNECT proxy (LittleProxy) with {@code --proxy}, and direct when that proxy is dead and the order allows it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyPullIT {
    @RegisterExtension
    @Order(1)
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    @Order(2)
    final RealBackend backend = new RealBackend(PKI);

    @TempDir
    Path folder;

    private final ClientTestSetup setup = new ClientTestSetup(PKI);
    private final FakeRelayServer server = new FakeRelayServer(setup.serverCredentials());
    private String token;
    private Backend pull;
    private RelayClient client;

    @BeforeEach
    void prepareBackend() {
        backend.minimalConfiguration();
        token = backend.createToken("relay-dmz-1");
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    /** Host of the mixin, as RelayClientMain has it. */
    @Command
    static final class Options {
        @Mixin
        BackendOptions backend;
    }

    private void startClient(String... proxyOptions) throws Exception {
        Options options = new Options();
        new CommandLine(options).parseArgs(withCommon(proxyOptions));
        BackendSettings settings = options.backend.settings(URI.create(backend.url()), Token.parse(token),
                TestPull.RELAY, Map.of()).withPolling(Duration.ofMillis(200), Duration.ofSeconds(2));
        pull = TestPull.backend(settings.withOutbound(settings.outbound().withRetry(TestPull.FAST_RETRY)));
        client = TestPull.client(setup, server.start(), pull);
        client.start();
    }

    private String[] withCommon(String... proxyOptions) {
        String[] common = {"--backend-ca", PKI.writeCa().toString(), "--state-file",
            folder.resolve("proxy-route.properties").toString()};
        String[] all = new String[common.length + proxyOptions.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(proxyOptions, 0, all, common.length, proxyOptions.length);
        return all;
    }

    @Test
    void pullsThroughTheProxyOfDashDashProxy() throws Exception {
        try (TestProxy proxy = new TestProxy()) {
            startClient("--proxy", proxy.url(), "--proxy-discovery-order", "flags");

            assertTrue(ClientConfigs.revision(server.nextConfig()).length() > 0);
            assertTrue(proxy.connects() >= 1, "the pull went through the proxy");
            assertEquals("flags: " + proxy.url().substring("http://".length()), client.status().get("backend.route"));
            assertTrue(client.status().get("backend.discovery").contains("ok"), client.status()::toString);
        }
    }

    @Test
    void aDeadProxyFailsOverToDirectAndDirectIsRememberedForTheNextStart() throws Exception {
        startClient("--proxy", "http://127.0.0.1:" + closedPort(), "--proxy-discovery-order", "db,flags,direct");

        server.nextConfig();
        assertEquals("direct", client.status().get("backend.route"));
        assertTrue(client.status().get("backend.discovery").contains("refused"), client.status()::toString);
        String stored = Files.readString(folder.resolve("proxy-route.properties"));
        assertTrue(stored.contains("route=direct"), stored);
    }

    @Test
    void aProxyThatRefusesOurCredentialsIsReportedToTheBackendThroughTheRouteThatWorks() throws Exception {
        Path events = folder.resolve("events.txt");
        backend.recordEventsIn(events);
        try (TestProxy proxy = new TestProxy("relay")) {
            startClient("--proxy", proxy.url(), "--proxy-discovery-order", "flags,direct");

            server.nextConfig();
            assertEquals("direct", client.status().get("backend.route"));
            Await.until(() -> read(events).contains("|ERROR|"), TestPull.WAIT, "the proxy alert at the backend");
            String line = read(events).lines().filter(event -> event.contains("|ERROR|")).findFirst().orElseThrow();
            assertTrue(line.startsWith(TestPull.RELAY + "|ERROR|"), line);
            assertTrue(line.contains("relay-client: proxy " + proxy.url().substring("http://".length())
                    + " refused our credentials (407 on CONNECT to localhost)"), line);
        }
    }

    @Test
    void withDiscoveryOffTheProxyIsNotAsked() throws Exception {
        try (TestProxy proxy = new TestProxy()) {
            startClient("--proxy", proxy.url(), "--proxy-discovery=false");

            server.nextConfig();
            assertEquals(0, proxy.connects());
            assertEquals("direct", client.status().get("backend.route"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port nobody listens on: a dead proxy. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
