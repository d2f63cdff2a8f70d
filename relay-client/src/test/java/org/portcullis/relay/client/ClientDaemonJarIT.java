package org.portcullis.relay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.daemon.DaemonException;
import org.portcullis.daemon.control.ControlFile;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;
import picocli.CommandLine;

/** The runnable jar as a service: its PID file, {@code relay-client ctl}, and exit 0 after SIGTERM. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClientDaemonJarIT {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();
    private static final long EXIT_SECONDS = 20;

    @TempDir
    Path folder;

    private final ClientTestSetup setup = new ClientTestSetup(PKI);
    private final FakeRelayServer server = new FakeRelayServer(setup.serverCredentials());
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(EXIT_SECONDS, TimeUnit.SECONDS);
        }
        server.close();
    }

    private List<String> arguments() throws IOException {
        Path secret = Files.writeString(folder.resolve("relay-client.secret"), "client-jar-it-secret-0123\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        return List.of("-d", "-S", "127.0.0.1:" + server.start().getPort(), "--config-file",
                setup.writeConfig(folder.resolve("relay.json"), "1", 3305, List.of()).toString(),
                "--link-cert", PKI.folder().resolve("link-client.crt.pem").toString(),
                "--link-key", PKI.folder().resolve("link-client.key.pem").toString(),
                "--link-ca", PKI.folder().resolve("link-client.ca.pem").toString(),
                "--server-pin", setup.clientCredentials().peerPin(),
                "--pid-file", folder.resolve("run/relay-client.pid").toString(), "--control", "0",
                "--control-secret", secret.toString());
    }

    private Process start(String name, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-jar", System.getProperty("runnable.jar")));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve(name).toFile()).start();
        processes.add(process);
        return process;
    }

    private String read(String name) throws IOException {
        Path file = folder.resolve(name);
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void refusesASecondStartAnswersCtlAndExitsZeroOnSigterm() throws Exception {
        List<String> arguments = arguments();
        Process first = start("first.txt", arguments);
        Path pidFile = folder.resolve("run/relay-client.pid");
        Await.until(() -> Files.exists(ControlFile.beside(pidFile)) || !first.isAlive(), FakeRelayServer.WAIT,
                "the control port");
        server.nextConfig();

        Process second = start("second.txt", arguments);
        assertTrue(second.waitFor(EXIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(DaemonException.ALREADY_RUNNING, second.exitValue(), () -> output("second.txt"));
        assertTrue(read("second.txt").contains("relay-client: relay-client is already running with PID "
                + first.pid()), () -> output("second.txt"));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new RelayClientMain()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("ctl", "--pid-file", pidFile.toString(), "--control-secret",
                        folder.resolve("relay-client.secret").toString(), "status");
        assertEquals(0, code, err::toString);
        assertTrue(out.toString().startsWith("daemon: relay-client\n"), out::toString);
        assertTrue(out.toString().contains("link: up to "), out::toString);

        first.destroy();
        assertTrue(first.waitFor(EXIT_SECONDS, TimeUnit.SECONDS), "relay-client did not stop on SIGTERM");
        assertEquals(0, first.exitValue(), () -> output("first.txt"));
        assertTrue(read("first.txt").contains("relay-client stopped"));
        assertFalse(Files.exists(pidFile));
    }

    private String output(String name) {
        try {
            return read(name);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
