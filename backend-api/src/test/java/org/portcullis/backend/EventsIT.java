package org.portcullis.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/** POST /v1/events over real HTTPS: the event script, its arguments and environment, ignore rules, timeouts. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EventsIT {
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

    @TempDir
    Path scripts;

    private Path output;
    private String token;

    @BeforeEach
    void createToken() {
        token = backend.createToken("relay-dmz-1");
        output = scripts.resolve("events.out");
    }

    @Test
    void eventScriptGetsTheEventAsArgumentsAndEnvironmentWithoutAShell() throws IOException {
        backend.admin("event-script", "set", script("recorder.sh", """
                {
                  printf 'args:'; for a in "$@"; do printf ' [%s]' "$a"; done; printf '\\n'
                  printf 'env: %s|%s|%s|%s|%s\\n' "$PORTCULLIS_EVENT_SEVERITY" "$PORTCULLIS_EVENT_RELAY" \\
                    "$PORTCULLIS_EVENT_TIME" "$PORTCULLIS_EVENT_MESSAGE" "$PORTCULLIS_EVENT_SOURCE"
                } >> "OUTPUT"
                """).toString());
        String message = "link lost; `touch /tmp/pwned` $(id) 'quoted' \\\"x\\\"";

        Reply reply = backend.post("/v1/events", token, "{\"relay\": \"relay-dmz-1\", \"severity\": \"critical\","
                + " \"message\": \"" + message + "\", \"time\": \"2025-05-01T12:00:00Z\", \"extra\": 1}");

        assertEquals(202, reply.code());
        List<String> lines = awaitLines(2);
        String literal = "link lost; `touch /tmp/pwned` $(id) 'quoted' \"x\"";
        assertEquals("args: [CRITICAL] [relay-dmz-1] [2025-05-01T12:00:00Z] [" + literal + "]", lines.get(0));
        assertEquals("env: CRITICAL|relay-dmz-1|2025-05-01T12:00:00Z|" + literal + "|relay-dmz-1", lines.get(1));
        assertFalse(Files.exists(Path.of("/tmp/pwned")), "nothing of the message was run");
    }

    @Test
    void ignoreRuleSuppressesTheScriptAndLogsTheEventAtInfo() throws IOException {
        backend.admin("event-script", "set", script("recorder.sh", "printf '%s\\n' \"$4\" >> \"OUTPUT\"\n").toString());
        backend.admin("ignore", "add", "maintenance", "--description", "planned work on the DMZ", "--for", "1h");

        assertEquals(202, post("WARNING", "Partner unreachable during planned MAINTENANCE 7731").code());
        assertEquals(202, post("ERROR", "disk full").code());

        assertEquals(List.of("disk full"), awaitLines(1), "events are handled in order: the first was ignored");
        String log = BackendFixture.read(LogHygiene.LOG_FILE);
        assertTrue(log.contains("INFO  org.portcullis.backend.event.EventDispatcher - event from relay-dmz-1 ignored"
                + " by rule"), "the ignored event is logged at INFO");
        assertTrue(log.contains("planned MAINTENANCE 7731"));
    }

    @Test
    void expiredIgnoreRulesAreRemovedWithALogLine() throws IOException {
        Instant past = Instant.now().minusSeconds(3600);
        backend.admin("ignore", "add", "nothing-9952", "--description", "an old rule", "--from", past.toString(),
                "--until", past.plusSeconds(60).toString());
        long handled = backend.service().events().handled();

        assertEquals(202, post("INFO", "nothing-9952 happened").code());
        Await.until(() -> backend.service().events().handled() > handled, WAIT, "the event to be handled");

        assertFalse(backend.admin("ignore", "list").contains("nothing-9952"));
        assertTrue(BackendFixture.read(LogHygiene.LOG_FILE).contains("(\"nothing-9952\": an old rule) expired at"));
    }

    @Test
    void scriptRunningOverItsTimeoutIsKilledAndTheNextEventRuns() throws IOException {
        backend.admin("event-script", "set", "--timeout", "300ms", script("slow.sh",
                "printf 'started %s\\n' \"$4\" >> \"OUTPUT\"\nsleep 60\nprintf 'not killed\\n' >> \"OUTPUT\"\n")
                .toString());
        long start = System.nanoTime();

        post("ERROR", "first");
        post("ERROR", "second");

        assertEquals(List.of("started first", "started second"), awaitLines(2));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    void malformedEventGets400NamingEveryProblem() throws IOException {
        Reply reply = backend.post("/v1/events", token, "{\"relay\": \"\", \"severity\": \"loud\", \"time\": \"noon\"}");

        assertEquals(400, reply.code());
        assertTrue(reply.text().contains("relay:"), reply.text());
        assertTrue(reply.text().contains("severity:"), reply.text());
        assertTrue(reply.text().contains("message:"), reply.text());
        assertTrue(reply.text().contains("time:"), reply.text());
        assertEquals(401, backend.post("/v1/events", null, "{}").code());
        assertEquals(405, backend.get("/v1/events", token).code());
    }

    private Reply post(String severity, String message) throws IOException {
        return backend.post("/v1/events", token, "{\"relay\": \"relay-dmz-1\", \"severity\": \"" + severity
                + "\", \"message\": \"" + message + "\", \"time\": \"" + Instant.now() + "\"}");
    }

    private Path script(String name, String body) throws IOException {
        Path script = scripts.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body.replace("OUTPUT", output.toString()), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private List<String> awaitLines(int count) throws IOException {
        Await.until(() -> Files.exists(output) && BackendFixture.read(output).lines().count() >= count, WAIT,
                count + " lines from the event script");
        return Files.readAllLines(output);
    }
}
