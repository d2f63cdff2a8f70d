package org.portcullis.relay.client.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.portcullis.license.License;
import org.portcullis.license.LicenseFile;
import org.portcullis.license.LicenseKeys;
import org.portcullis.license.ProxyId;
import org.portcullis.link.LinkCredentials;
import org.portcullis.relay.client.ClientConfigs;
import org.portcullis.relay.client.ClientTestSetup;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * relay-server and relay-client as an administrator runs them: the launchers of bin/, the runnable jars, PID files
 * in a run folder, log files in a log folder, loopback port 0 everywhere; the ports they took are read from their
 * log files, as an administrator would.
 */
final class RunningSystem {
    static final String ROUTE = "far-partner";
    private static final Pattern LINK = Pattern.compile("link listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern PUBLIC = Pattern.compile("listening for partners on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern ROUTE_PORT = Pattern.compile("route " + ROUTE + ": listening on 127\\.0\\.0\\.1:(\\d+)");

    private final Path dir;
    private final Path run;
    private final Path logs;
    private final ClientTestSetup setup;
    private final List<Process> processes = new ArrayList<>();
    private Process server;
    private Process client;
    private int linkPort;
    private int publicPort;
    private int routePort;

    RunningSystem(TestPki pki, Path dir) throws IOException {
        this.dir = dir;
        this.run = Files.createDirectories(dir.resolve("run"));
        this.logs = dir.resolve("logs");
        this.setup = new ClientTestSetup(pki);
    }

    /** Starts relay-server, then relay-client, and waits until the link is up and every port listens. */
    RunningSystem start() throws IOException, InterruptedException {
        LinkCredentials serverLink = setup.serverCredentials();
        server = launch("relay-server", "-i", "127.0.0.1:0",
                "--link-cert", serverLink.certificateChain().toString(),
                "--link-key", serverLink.privateKey().toString(),
                "--link-ca", serverLink.trustedCa().toString(),
                "-l", license().toString(), "--license-trust", dir.resolve("vendor.pub").toString());
        linkPort = awaitPort("relay-server", LINK);
        Path config = setup.writeConfig(dir.resolve("relay.json"), "1", 3305,
                List.of(ClientConfigs.Route.anyPort(ROUTE)));
        LinkCredentials clientLink = setup.clientCredentials();
        client = launch("relay-client", "-S", "127.0.0.1:" + linkPort, "--config-file", config.toString(),
                "--link-cert", clientLink.certificateChain().toString(),
                "--link-key", clientLink.privateKey().toString(),
                "--link-ca", clientLink.trustedCa().toString(),
                "--server-pin", clientLink.peerPin());
        publicPort = awaitPort("relay-server", PUBLIC);
        routePort = awaitPort("relay-client", ROUTE_PORT);
        return this;
    }

    Path pidFile(String daemon) {
        return run.resolve(daemon + ".pid");
    }

    Path logs() {
        return logs;
    }

    int linkPort() {
        return linkPort;
    }

    int publicPort() {
        return publicPort;
    }

    int routePort() {
        return routePort;
    }

    /** The options of ops/status for this system. */
    String[] statusOptions() {
        return new String[] {"--server-pid", pidFile("relay-server").toString(), "--client-pid",
            pidFile("relay-client").toString(), "--link-port", String.valueOf(linkPort), "--public-port",
            String.valueOf(publicPort), "--route-port", String.valueOf(routePort)};
    }

    /** SIGTERM to both; each must stop within the time and with the status the test expects. */
    void stop(int expectedExit) throws InterruptedException {
        for (Process process : List.of(client, server)) {
            process.destroy();
            assertTrue(process.waitFor(Scripts.TIMEOUT.toSeconds(), TimeUnit.SECONDS), "a daemon did not stop");
            assertEquals(expectedExit, process.exitValue(), this::console);
        }
    }

    /** What the daemons printed to their consoles. */
    String console() {
        StringBuilder text = new StringBuilder();
        for (String daemon : List.of("relay-server", "relay-client")) {
            text.append(daemon).append(":\n").append(Scripts.read(dir.resolve(daemon + ".console")));
        }
        return text.toString();
    }

    /** The log file whose name starts with {@code prefix-} (today's), or a path that does not exist yet. */
    Path logFile(String prefix) {
        if (!Files.isDirectory(logs)) {
            return logs.resolve(prefix + "-none");
        }
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix + "-")).findFirst()
                    .orElse(logs.resolve(prefix + "-none"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills what still runs (after a failed test). */
    void kill() throws InterruptedException {
        for (Process process : processes) {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(Scripts.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    private Process launch(String daemon, String... options) throws IOException {
        Path secret = dir.resolve(daemon + ".secret");
        Files.writeString(secret, "a-control-secret-of-" + daemon + "\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        List<String> command = new ArrayList<>(List.of(Scripts.REPO.resolve("bin").resolve(daemon).toString(),
                "--pid-file", pidFile(daemon).toString(), "--log-dir", logs.toString(),
                "--control", "127.0.0.1:0", "--control-secret", secret.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(daemon + ".console").toFile());
        builder.environment().remove("PORTCULLIS_HOME");
        builder.environment().put("JAVA", Scripts.java());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** The port a pattern finds in a daemon's log file, waited for. */
    private int awaitPort(String daemon, Pattern pattern) {
        Await.until(() -> pattern.matcher(Scripts.read(logFile(daemon))).find() || processes.stream()
                .anyMatch(process -> !process.isAlive()), Scripts.TIMEOUT, daemon + "'s " + pattern.pattern());
        Matcher found = pattern.matcher(Scripts.read(logFile(daemon)));
        assertTrue(found.find(), () -> daemon + " stopped or did not log " + pattern.pattern() + ":\n" + console());
        return Integer.parseInt(found.group(1));
    }

    /** A license for this host's Proxy ID (relay-server -L), signed by a key made here (vendor.pub). */
    private Path license() throws IOException, InterruptedException {
        Scripts.Result proxyId = Scripts.run(Scripts.REPO.resolve("bin/relay-server").toString(), "-L");
        assertEquals(0, proxyId.exitCode(), () -> "relay-server -L needs a machine ID on this host: "
                + proxyId.output());
        KeyPair keys = LicenseKeys.generate();
        LicenseKeys.write(keys, dir.resolve("vendor.key"), dir.resolve("vendor.pub"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        License license = License.of("ACME Logistics GmbH", ProxyId.parse(proxyId.output().strip()),
                today.minusMonths(1), today.plusYears(1));
        return Files.writeString(dir.resolve("license.txt"), LicenseFile.sign(license, keys.getPrivate()).text());
    }
}
