package org.portcullis.relay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.link.LinkCredentials;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/** The runnable jar as operators start it: options from an argument file, SIGTERM ends it cleanly. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RelayClientJarIT {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();
    private static final long EXIT_SECONDS = 20;
    /** A JVM started cold on a loaded 2-core machine may take longer than FakeRelayServer.WAIT to link up. */
    private static final Duration JAR_START = Duration.ofSeconds(60);
    /** SIGTERM drains and ends with 0, not the JVM's 128 + 15. */
    private static final int SIGTERM_EXIT = 0;
    private static final String TOKEN = "TOKEN-that-is-never-logged";

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
    void runsFromAnArgumentFileLogsToFilesAndStopsCleanlyOnSigterm() throws Exception {
        Path logDir = folder.resolve("logs");
        Path arguments = argumentFile(server.start(), "--log-dir " + logDir);
        Path console = folder.resolve("console.txt");
        process = start(console, "@" + arguments);

        assertEquals("1", ClientConfigs.revision(server.nextConfig(JAR_START)));
        server.awaitLink();
        process.destroy();
        assertTrue(process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS), "relay-client did not stop on SIGTERM");
        assertEquals(SIGTERM_EXIT, process.exitValue(), () -> read(console));

        String log = read(dailyLog(logDir));
        assertTrue(log.contains("configuration revision 1 pushed"), log);
        assertTrue(log.contains("relay-client stopped"), log);
        assertFalse(log.contains(TOKEN), "the token is never logged");
        assertFalse(read(console).contains("configuration revision 1 pushed"), "without -d nothing on the console");
    }

    @Test
    void logsToTheConsoleInTheForeground() throws Exception {
        Path arguments = argumentFile(server.start(), "-d");
        Path console = folder.resolve("console.txt");
        process = start(console, "@" + arguments);

        assertEquals("1", ClientConfigs.revision(server.nextConfig(JAR_START)));
        Await.until(() -> read(console).contains("relay-server applied configuration revision 1"),
                FakeRelayServer.WAIT, "the console log");
        process.destroy();
        assertTrue(process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS), "relay-client did not stop on SIGTERM");
        assertTrue(read(console).contains("relay-client stopped"), () -> read(console));
        assertFalse(read(console).contains(TOKEN), "the token is never logged");
    }

    @Test
    void refusesAnInvalidConfigurationFileWithEveryError() throws Exception {
        Path config = folder.resolve("invalid.json");
        ClientConfigs.write(config, ClientConfigs.text("{\"schemaVersion\": 1, \"revision\": \"x\"}"));
        Path console = folder.resolve("console.txt");
        process = start(console, "-d", "--config-file", config.toString(), "-S", "127.0.0.1",
                "--link-cert", "cert.pem", "--link-key", "key.pem", "--link-ca", "ca.pem");

        assertTrue(process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS), "relay-client did not exit");
        assertEquals(1, process.exitValue());
        String output = read(console);
        assertTrue(output.contains("listeners: is required") && output.contains("inside: is required"), output);
    }

    @Test
    void refusesToStartWhenTheLinkCredentialsCannotBeRead() throws Exception {
        Path config = setup.writeConfig(folder.resolve("relay.json"), "1", 3305, List.of());
        Path console = folder.resolve("console.txt");
        process = start(console, "-d", "--config-file", config.toString(), "-S", "127.0.0.1",
                "--link-cert", "missing.crt.pem", "--link-key", "missing.key.pem", "--link-ca", "missing.ca.pem",
                "--pid-file", "relay-client.pid");

        assertTrue(process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS), "relay-client did not exit");
        assertEquals(3, process.exitValue(), () -> read(console));
        assertTrue(read(console).contains("relay-client: cannot build the link's TLS context"), () -> read(console));
    }

    /** The options of a relay-client for {@code server} in an argument file, the token in a file of its own. */
    private Path argumentFile(InetSocketAddress serverAddress, String extra) throws IOException {
        Path config = setup.writeConfig(folder.resolve("relay.json"), "1", 3305, List.of());
        Path token = Files.writeString(folder.resolve("token"), TOKEN + "\n");
        Path cert = PKI.folder().resolve("link-client.crt.pem");
        Path key = PKI.folder().resolve("link-client.key.pem");
        Path ca = PKI.folder().resolve("link-client.ca.pem");
        LinkCredentials credentials = setup.clientCredentials();
        String lines = String.join("\n",
                "# relay-client test options",
                "-S 127.0.0.1:" + serverAddress.getPort(),
                "-U https://backend.example/config",
                "--token=@" + token,
                "--config-file " + config,
                "--link-cert " + cert + " --link-key " + key + " --link-ca " + ca,
                "--server-pin " + credentials.peerPin(),
                "--pid-file " + folder.resolve("relay-client.pid"),
                extra, "");
        return Files.writeString(folder.resolve("client.args"), lines, StandardCharsets.UTF_8);
    }

    private Process start(Path console, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("runnable.jar")));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one log file in the folder, named with the day it was written. */
    private static Path dailyLog(Path logDir) throws IOException {
        try (Stream<Path> files = Files.list(logDir)) {
            List<Path> logs = files.toList();
            assertEquals(1, logs.size(), logs::toString);
            assertTrue(logs.get(0).getFileName().toString().matches("relay-client-\\d{4}-\\d{2}-\\d{2}\\.log"),
                    logs::toString);
            return logs.get(0);
        }
    }
}
