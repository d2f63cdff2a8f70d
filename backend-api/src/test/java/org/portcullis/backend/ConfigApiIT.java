package org.portcullis.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.backend.token.ThrottleSettings;
import org.portcullis.backend.token.Tokens;
import org.portcullis.config.ConfigLoader;
import org.portcullis.config.RelayConfig;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * GET /v1/config over real HTTPS against the running service: tokens, entity tags, the long-poll, restarts and
 * the throttle on failed token checks.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConfigApiIT {
    private static final Logger LOG = LogManager.getLogger();
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** How long a long-poll asks the backend to hold an unchanged answer. */
    private static final Duration HELD = Duration.ofSeconds(55);
    /** Failed token checks an address may make; the tests other than the throttle's stay below it. */
    private static final int BURST = 8;

    @RegisterExtension
    @Order(1)
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    @Order(2)
    static final LogHygiene HYGIENE = new LogHygiene();

    @RegisterExtension
    @Order(3)
    final BackendFixture backend = new BackendFixture(PKI, HYGIENE)
            .tuned(settings -> settings.withThrottle(new ThrottleSettings(BURST, Duration.ofHours(1), 100)));

    @Test
    void validTokenGetsTheDocumentWithAStrongEntityTag() throws IOException {
        backend.minimalConfiguration();
        String token = backend.createToken("relay-1");
        awaitDocument(token);

        Reply reply = backend.get("/v1/config", token);

        assertEquals(200, reply.code());
        assertEquals("application/json", reply.header("Content-Type"));
        assertEquals("no-store", reply.header("Cache-Control"));
        String etag = reply.header("ETag");
        assertNotNull(etag);
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
        RelayConfig config = ConfigLoader.parse(reply.body());
        assertEquals(6619, config.listeners().get(0).port());
        assertEquals("127.0.0.1", config.inside().host());
        assertEquals(1, config.trust().caCertificates().size());
        assertTrue(Long.parseLong(config.revision()) >= 1, config.revision());
    }

    @Test
    void missingWrongMalformedAndRevokedTokensGet401AndNoBytes() throws IOException {
        backend.minimalConfiguration();
        String token = backend.createToken("relay-1");
        awaitDocument(token);
        String revoked = backend.createToken("relay-2");
        backend.admin("token", "revoke", "relay-2");

        for (String wrong : new String[] {null, Tokens.generate(), "not-a-token", revoked}) {
            Reply reply = backend.get("/v1/config", wrong);
            assertEquals(401, reply.code(), "token " + wrong);
            assertEquals(0, reply.body().length, "no bytes for token " + wrong);
            assertEquals(null, reply.header("ETag"));
        }
        assertEquals(401, backend.get("/v1/config", token.substring(1) + "A").code());
        assertEquals(401, backend.get("/v1/no-such-path", null).code(), "unauthenticated clients learn no paths");
        assertEquals(200, backend.get("/v1/config", token).code(), "the valid token still works");
        assertEquals(404, backend.get("/v1/no-such-path", token).code());
    }

    @Test
    void unchangedDocumentIs304WithoutABody() throws IOException {
        backend.minimalConfiguration();
        String token = backend.createToken("relay-1");
        awaitDocument(token);
        String etag = backend.get("/v1/config", token).header("ETag");

        Reply reply = backend.get("/v1/config", token, "If-None-Match", etag);

        assertEquals(304, reply.code());
        assertEquals(0, reply.body().length);
        assertEquals(etag, reply.header("ETag"));
        assertEquals(200, backend.get("/v1/config", token, "If-None-Match", "\"other\"").code());
    }

    @Test
    void longPollAnswersAsSoonAsTheDocumentChanges() throws Exception {
        backend.minimalConfiguration();
        String token = backend.createToken("relay-1");
        awaitDocument(token);
        String etag = backend.get("/v1/config", token).header("ETag");

        CompletableFuture<Long> answered = new CompletableFuture<>();
        CompletableFuture<Reply> poll = CompletableFuture.supplyAsync(() -> {
            try {
                Reply reply = backend.get("/v1/config?wait=" + HELD.toSeconds() + "s", token, "If-None-Match", etag);
                answered.complete(System.nanoTime());
                return reply;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Await.until(() -> backend.service().publisher().waiting() == 1, WAIT, "the long-poll to wait");
        long changed = System.nanoTime();
        backend.cliWithInput(HYGIENE.remember("Pw4" + Tokens.generate().substring(0, 5)) + "\n",
                "partner", "add", "O0013PARTNER");
        Reply reply = poll.get(10, TimeUnit.SECONDS);
        long latency = TimeUnit.NANOSECONDS.toMillis(answered.get() - changed);

        assertEquals(200, reply.code());
        assertNotEquals(etag, reply.header("ETag"));
        assertEquals("O0013PARTNER", ConfigLoader.parse(reply.body()).partners().get(0).odetteId());
        // The figure counts the CLI's own work (a JVM's worth of PBKDF2 hashing and the write), which a loaded
        // machine stretches past a second; what must show is an answer on the change, not at the end of the hold.
        assertTrue(latency < HELD.toMillis() / 4, "the long-poll answered " + latency + " ms after the change");
        LOG.info("long-poll answered {} ms after the CLI's change", latency);
    }

    @Test
    void longPollWithoutAChangeEndsWith304() throws IOException {
        backend.minimalConfiguration();
        String token = backend.createToken("relay-1");
        awaitDocument(token);
        String etag = backend.get("/v1/config", token).header("ETag");

        long start = System.nanoTime();
        Reply reply = backend.get("/v1/config?wait=300ms", token, "If-None-Match", etag);

        assertEquals(304, reply.code());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300));
        assertEquals(0, backend.service().publisher().waiting());
        assertEquals(400, backend.get("/v1/config?wait=soon", token).code());
    }

    @Test
    void stateSurvivesARestart() throws Exception {
        backend.minimalConfiguration();
        String token = backend.createToken("relay-1");
        awaitDocument(token);
        Reply before = backend.get("/v1/config", token);

        backend.stop();
        backend.start();
        Reply after = backend.get("/v1/config", token);

        assertEquals(200, after.code());
        assertArrayEquals(before.body(), after.body());
        assertEquals(before.header("ETag"), after.header("ETag"));
        assertEquals(304, backend.get("/v1/config", token, "If-None-Match", before.header("ETag")).code());
    }

    @Test
    void repeatedTokenFailuresFromOneAddressAreThrottled() throws IOException {
        backend.minimalConfiguration();
        String token = backend.createToken("relay-1");
        awaitDocument(token);

        for (int i = 0; i < BURST; i++) {
            assertEquals(401, backend.get("/v1/config", Tokens.generate()).code());
        }
        Reply throttled = backend.get("/v1/config", Tokens.generate());
        Reply validButThrottled = backend.get("/v1/config", token);

        assertEquals(429, throttled.code());
        assertEquals(0, throttled.body().length);
        assertTrue(Integer.parseInt(throttled.header("Retry-After")) > 0);
        assertEquals(429, validButThrottled.code(), "no token is checked for an address over its budget");
    }

    @Test
    void noValidDocumentYetIs503() throws IOException {
        String token = backend.createToken("relay-1");

        Reply reply = backend.get("/v1/config", token);

        assertEquals(503, reply.code());
        assertEquals(0, reply.body().length);
        assertFalse(backend.cli("check").exitCode() == 0);
    }

    @Test
    void invalidStoredStateKeepsTheLastValidDocument() throws Exception {
        backend.minimalConfiguration();
        String token = backend.createToken("relay-1");
        awaitDocument(token);
        Reply before = backend.get("/v1/config", token);
        long handled = backend.service().events().handled();

        backend.admin("listener", "remove", "6619");
        Await.until(() -> backend.service().events().handled() > handled, WAIT, "the invalid state's event");

        assertArrayEquals(before.body(), backend.get("/v1/config", token).body());
        CliResult check = backend.cli("check");
        assertEquals(1, check.exitCode());
        assertTrue(check.err().contains("listeners: none configured"), check.err());
    }

    /**
     * Waits for the document of the whole minimal configuration: the backend serves one as soon as the state is
     * valid (after the server identity), and the trusted CA, added last, comes in a later revision.
     */
    private void awaitDocument(String token) {
        Await.until(() -> {
            try {
                Reply reply = backend.get("/v1/config", token);
                return reply.code() == 200
                        && !ConfigLoader.parse(reply.body()).trust().caCertificatesPem().isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, WAIT, "the document of the minimal configuration");
    }
}
