package org.portcullis.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.config.ConfigLoader;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * The admin CLI as its own process (the runnable jar) while the service holds the H2 database: H2's automatic
 * mixed mode lets it in, and the change signal wakes a waiting long-poll.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CliWhileServingIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    @Order(1)
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    @Order(2)
    static final LogHygiene HYGIENE = new LogHygiene();

    @RegisterExtension
    @Order(3)
    final BackendFixture backend = new BackendFixture(PKI, HYGIENE);

    @Test
    void cliProcessChangesTheStateWhileTheServiceRunsAndTheLongPollSeesIt() throws Exception {
        backend.minimalConfiguration();
        String token = backend.createToken("relay-1");
        Await.until(() -> etag(token) != null, WAIT, "a document");
        String etag = etag(token);
        CompletableFuture<Reply> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return backend.get("/v1/config?wait=60s", token, "If-None-Match", etag);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Await.until(() -> backend.service().publisher().waiting() == 1, WAIT, "the long-poll to wait");

        Run added = runJar(HYGIENE.remember("Qz8vN3kd") + "\n", "partner", "add", "O0013REMOTE");
        Reply reply = poll.get(10, TimeUnit.SECONDS);

        assertEquals(0, added.exitCode(), added.output());
        assertEquals(200, reply.code());
        assertEquals("O0013REMOTE", ConfigLoader.parse(reply.body()).partners().get(0).odetteId());
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(backend.dataFolder().resolve("backend.lock.db"))) {
            lock.load(in);
        }
        // H2 writes its bind address, 127.0.0.1, as "localhost".
        String server = lock.getProperty("server");
        assertTrue(server.startsWith("localhost:") || server.startsWith("127.0.0.1:"), "H2 serves the database on"
                + " loopback only: " + server);
        Run listed = runJar("", "token", "list");
        assertEquals(0, listed.exitCode(), listed.output());
        assertTrue(listed.output().contains("relay-1"), listed.output());
    }

    /** What a CLI process did: its exit code and its merged output. */
    private record Run(int exitCode, String output) {
    }

    private Run runJar(String stdin, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("runnable.jar");
        assertNotNull(jar, "failsafe passes the runnable jar's path");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar));
        command.addAll(List.of(args));
        command.addAll(List.of("--data", backend.dataFolder().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.US_ASCII));
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI process did not end within 60 s");
        }
        return new Run(process.exitValue(), output.join());
    }

    private String etag(String token) {
        try {
            return backend.get("/v1/config", token).header("ETag");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
