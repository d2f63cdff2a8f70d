package org.portcullis.relay.client.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.relay.client.ClientConfigs;
import org.portcullis.relay.client.ClientTestSetup;
import org.portcullis.relay.client.FakeRelayServer;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * The runnable jar pulling from the real backend as an operator starts it: the token from a file, the backend's
 * CA, HttpClient's logging bound to log4j (no SLF4J warning), the token in no line it writes.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BackendPullJarIT {
    private static final long EXIT_SECONDS = 20;
    /** SIGTERM: the JVM exits with 128 + 15 once its shutdown hooks ran. */
    private static final int SIGTERM_EXIT = 143;
    private static final Duration START_WAIT = Duration.ofSeconds(40);

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
    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(EXIT_SECONDS, TimeUnit.SECONDS);
        }
        server.close();
    }

    @Test
    void pullsAndPushesWithoutAnSlf4jWarningAndNeverWritesTheToken() throws Exception {
        backend.minimalConfiguration();
        String token = backend.createToken("relay-jar");
        Path tokenFile = Files.writeString(folder.resolve("token"), token + "\n");
        Path arguments = Files.writeString(folder.resolve("client.args"), String.join("\n",
                "-d",
                "-S 127.0.0.1:" + server.start().getPort(),
                "-U " + backend.url(),
                "--token=@" + tokenFile,
                "--backend-ca " + PKI.writeCa(),
                "--proxy-discovery-order direct",
                "--state-file " + folder.resolve("proxy-route.properties"),
                "--link-cert " + PKI.folder().resolve("link-client.crt.pem"),
                "--link-key " + PKI.folder().resolve("link-client.key.pem"),
                "--link-ca " + PKI.folder().resolve("link-client.ca.pem"),
                "--server-pin " + setup.clientCredentials().peerPin(), ""), StandardCharsets.UTF_8);
        Path console = folder.resolve("console.txt");
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("runnable.jar"), "@" + arguments)).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();

        // A cold JVM on a busy machine: the first call loads HttpClient, TLS and discovery, seconds on two cores.
        Await.until(() -> !server.configs.isEmpty(), START_WAIT, "a configuration pushed");
        String revision = ClientConfigs.revision(server.nextConfig());
        Await.until(() -> read(console).contains("relay-server applied configuration revision " + revision),
                TestPull.WAIT, "the console log");
        process.destroy();
        assertTrue(process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS), "relay-client did not stop on SIGTERM");
        assertEquals(SIGTERM_EXIT, process.exitValue(), () -> read(console));

        String output = read(console);
        assertTrue(output.contains("configuration revision " + revision + " received"), output);
        assertTrue(output.contains("proxy discovery: direct ok"), output);
        assertFalse(output.contains("SLF4J"), output);
        assertFalse(output.contains(token), "the token is never logged");
        assertTrue(output.contains("relay-client stopped"), output);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
