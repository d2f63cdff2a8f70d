package org.portcullis.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.daemon.DaemonException;
import org.portcullis.daemon.control.ControlFile;
import org.portcullis.daemon.control.CtlCommand;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;
import picocli.CommandLine;

/**
 * {@code backend-api serve} as the runnable jar in its own process, run as the other daemons run: its PID file
 * (a second start refused, a stale file replaced), {@code backend-api ctl}, daily log files in {@code --log-dir},
 * and exit 0 with the PID file gone after SIGTERM.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeProcessIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long EXIT_SECONDS = 30;
    private static final Pattern API = Pattern.compile("(?m)^api: https://127\\.0\\.0\\.1:(\\d+)$");
    private static final Pattern DAILY_LOG = Pattern.compile("backend-api-\\d{4}-\\d{2}-\\d{2}\\.log");

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @TempDir
    Path folder;

    private final List<Process> processes = new ArrayList<>();
    private Path secret;

    /** What a {@code backend-api ctl} command printed. */
    private record Ctl(int code, String out, String err) {
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(EXIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private Path pidFile() {
        return folder.resolve("run/backend-api.pid");
    }

    private Path secret() throws IOException {
        if (secret == null) {
            secret = Files.writeString(folder.resolve("backend-api.secret"), "serve-process-it-secret-4711\n");
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
        return secret;
    }

    private List<String> arguments() throws IOException {
        PemFiles api = PKI.write(PKI.server(), "api");
        return List.of("serve", "--data", folder.resolve("data").toString(), "--cert",
                api.certificateChain().toString(), "--key", api.privateKey().toString(), "--listen", "127.0.0.1:0",
                "--pid-file", pidFile().toString(), "--log-dir", folder.resolve("logs").toString(),
                "--control", "0", "--control-secret", secret().toString());
    }

    private Process start(String output, List<String> arguments) throws IOException {
        String jar = System.getProperty("runnable.jar");
        assertNotNull(jar, "failsafe passes the runnable jar's path");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-jar", jar));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve(output).toFile()).start();
        processes.add(process);
        return process;
    }

    /** Starts serve and waits until its control port is open (the control file is written after the PID file). */
    private Process startAndAwaitControl() throws IOException {
        Process serve = start("serve.txt", arguments());
        Await.until(() -> Files.exists(ControlFile.beside(pidFile())) || !serve.isAlive(), WAIT, "the control port");
        assertTrue(serve.isAlive(), () -> read("serve.txt"));
        return serve;
    }

    private Ctl ctl(String... words) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> arguments = new ArrayList<>(List.of("ctl", "--pid-file", pidFile().toString()));
        arguments.addAll(List.of(words));
        int code = new CommandLine(new BackendApiMain(new ByteArrayInputStream(new byte[0])))
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(arguments.toArray(String[]::new));
        return new Ctl(code, out.toString(), err.toString());
    }

    @Test
    void servesAsADaemonRefusesASecondStartAnswersCtlAndExitsZeroOnSigterm() throws Exception {
        Process serve = startAndAwaitControl();
        // The control port opens first, then the service starts: its status says where the API listens.
        Await.until(() -> API.matcher(ctl("--control-secret", secret.toString(), "status").out()).find()
                || !serve.isAlive(), WAIT, "the API to listen");

        Ctl status = ctl("--control-secret", secret().toString(), "status");
        assertEquals(0, status.code(), status::err);
        assertTrue(status.out().startsWith("daemon: backend-api\n"), status::out);
        assertTrue(status.out().contains("pid: " + serve.pid() + "\n"), status::out);
        Matcher api = API.matcher(status.out());
        assertTrue(api.find(), status::out);
        HttpResponse<byte[]> reply = client().send(HttpRequest.newBuilder(URI.create("https://localhost:"
                + api.group(1) + "/v1/config")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(401, reply.statusCode(), "the API serves: no token, no document");

        Process second = start("second.txt", arguments());
        assertTrue(second.waitFor(EXIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(DaemonException.ALREADY_RUNNING, second.exitValue(), () -> read("second.txt"));
        assertTrue(read("second.txt").strip().endsWith("backend-api: backend-api is already running with PID "
                + serve.pid() + ": PID file " + pidFile()), () -> read("second.txt"));

        Ctl level = ctl("--control-secret", secret().toString(), "loglevel", "DEBUG", "--logger",
                "org.portcullis.backend.http");
        assertEquals(0, level.code(), level::err);
        Ctl metrics = ctl("--control-secret", secret().toString(), "metrics");
        assertEquals(0, metrics.code(), metrics::err);
        assertTrue(metrics.out().contains("\nportcullis_long_polls_waiting 0\n"), metrics::out);
        assertTrue(metrics.out().contains("\nportcullis_config_served 0\n"), metrics::out);
        Path wrong = Files.writeString(folder.resolve("wrong.secret"), "not-the-secret-at-all-0000\n");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        assertEquals(CtlCommand.NO_ANSWER, ctl("--control-secret", wrong.toString(), "status").code());

        serve.destroy();
        assertTrue(serve.waitFor(EXIT_SECONDS, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        assertEquals(0, serve.exitValue(), () -> read("serve.txt"));
        assertFalse(Files.exists(pidFile()), "the PID file is removed");
        String log = Files.readString(dailyLog());
        assertTrue(log.contains("API listening on https://127.0.0.1:" + api.group(1)), log);
        assertTrue(log.contains("backend-api stopped"), log);
    }

    @Test
    void replacesAStalePidFileAndSaysSo() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(EXIT_SECONDS, TimeUnit.SECONDS));
        Files.createDirectories(pidFile().getParent());
        Files.writeString(pidFile(), gone.pid() + "\n");

        Process serve = startAndAwaitControl();

        assertEquals(Long.toString(serve.pid()), Files.readString(pidFile()).strip());
        String log = Files.readString(dailyLog());
        assertTrue(log.contains("stale PID file " + pidFile() + ": process " + gone.pid() + " is gone; replaced"),
                log);
        serve.destroy();
        assertTrue(serve.waitFor(EXIT_SECONDS, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        assertEquals(0, serve.exitValue(), () -> read("serve.txt"));
    }

    /** The one log file in the log folder, named with the date. */
    private Path dailyLog() throws IOException {
        try (Stream<Path> files = Files.list(folder.resolve("logs"))) {
            List<Path> logs = files.toList();
            assertEquals(1, logs.size(), logs::toString);
            assertTrue(DAILY_LOG.matcher(logs.get(0).getFileName().toString()).matches(), logs::toString);
            return logs.get(0);
        }
    }

    private String read(String name) {
        try {
            Path file = folder.resolve(name);
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static HttpClient client() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", PKI.ca().certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }
}
