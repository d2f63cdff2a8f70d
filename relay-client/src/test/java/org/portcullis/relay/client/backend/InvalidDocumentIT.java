package org.portcullis.relay.client.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.config.ConfigLoader;
import org.portcullis.relay.client.ClientConfigs;
import org.portcullis.relay.client.ClientTestSetup;
import org.portcullis.relay.client.FakeRelayServer;
import org.portcullis.relay.client.RelayClient;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * What the real backend never serves, from a scripted HTTPS stand-in: a document that does not validate (refused
 * whole, the last good one stays, an event says so, the backend is not asked for it again), and a backend that
 * answers a long poll at once (asked only once per poll interval then).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InvalidDocumentIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "stub-token-never-logged";

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    private final ClientTestSetup setup = new ClientTestSetup(PKI);
    private final FakeRelayServer server = new FakeRelayServer(setup.serverCredentials());
    private StubBackend stub;
    private Backend pull;
    private RelayClient client;

    @BeforeEach
    void startStub() throws Exception {
        stub = new StubBackend(PKI.server());
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        stub.close();
        server.close();
    }

    private void startClient(BackendSettings settings) throws InterruptedException {
        pull = TestPull.backend(settings);
        client = TestPull.client(setup, server.start(), pull);
        client.start();
    }

    private BackendSettings plainPolls() {
        return TestPull.settings(stub.url(), TOKEN, PKI.writeCa()).withPolling(Duration.ofMillis(100), Duration.ZERO);
    }

    @Test
    void refusesAnInvalidDocumentWholeKeepsTheLastGoodOneAndSaysSo() throws Exception {
        stub.serve(setup.configs.document("good-1", 3305, List.of()), "\"tag-1\"");
        startClient(plainPolls());
        assertEquals("good-1", ClientConfigs.revision(server.nextConfig()));

        stub.serve(ClientConfigs.text("{\"schemaVersion\": 1, \"revision\": \"broken-2\"}"), "\"tag-2\"");
        Await.until(() -> pull.pollCounts().refused.get() == 1, TestPull.WAIT, "the invalid document to be refused");
        Await.until(() -> stub.polls().stream().filter(poll -> "\"tag-2\"".equals(poll.ifNoneMatch())).count() >= 2,
                TestPull.WAIT, "polls that name the refused document's tag");

        assertEquals("good-1", pull.current().orElseThrow().config().revision(), "the last good one stays");
        assertTrue(server.configs.isEmpty(), "nothing was pushed");
        assertEquals(2, stub.served(), "the good document and the refused one, each downloaded once");
        JsonNode event = awaitEvent();
        assertEquals(TestPull.RELAY, event.get("relay").asText());
        assertEquals("ERROR", event.get("severity").asText());
        assertTrue(event.get("message").asText().contains("refused the backend's configuration"), event::toString);
        OffsetDateTime.parse(event.get("time").asText());
        assertEquals(4, event.size(), "exactly the backend's fields");

        stub.serve(setup.configs.document("good-3", 3306, List.of()), "\"tag-3\"");
        assertEquals("good-3", ClientConfigs.revision(server.nextConfig()));
        assertTrue(stub.requests().stream().allMatch(request -> ("Bearer " + TOKEN).equals(request.authorization())));
    }

    @Test
    void refusesMalformedAndOversizedDocumentsWholeAndKeepsTheLastGoodOne() throws Exception {
        stub.serve(setup.configs.document("good-1", 3305, List.of()), "\"tag-1\"");
        startClient(plainPolls());
        assertEquals("good-1", ClientConfigs.revision(server.nextConfig()));

        stub.serve(ClientConfigs.text("{\"schemaVersion\": 1, \"revision\": \"cut-2\", \"listeners\": ["), "\"tag-2\"");
        Await.until(() -> pull.pollCounts().refused.get() == 1, TestPull.WAIT, "the malformed document to be refused");
        byte[] large = new byte[ConfigLoader.MAX_DOCUMENT_BYTES + 1024];
        Arrays.fill(large, (byte) ' ');
        byte[] good = setup.configs.document("large-3", 3306, List.of());
        System.arraycopy(good, 0, large, 0, good.length);
        stub.serve(large, "\"tag-3\"");
        Await.until(() -> pull.pollCounts().refused.get() >= 2, TestPull.WAIT, "the oversized document to be refused");

        assertEquals("good-1", pull.current().orElseThrow().config().revision(), "the last good one stays");
        assertTrue(server.configs.isEmpty(), "nothing was pushed");
        assertTrue(awaitEvent().get("message").asText().contains("refused the backend's configuration"));

        stub.serve(setup.configs.document("good-4", 3307, List.of()), "\"tag-4\"");
        assertEquals("good-4", ClientConfigs.revision(server.nextConfig()));
    }

    @Test
    void aBackendThatDoesNotHoldTheLongPollIsAskedOncePerPollInterval() throws Exception {
        stub.serve(setup.configs.document("1", 3305, List.of()), "\"tag-1\"");
        Duration interval = Duration.ofMillis(300);
        startClient(plainPolls().withPolling(interval, Duration.ofSeconds(5)));
        server.nextConfig();
        Await.until(() -> stub.polls().size() >= 2, TestPull.WAIT, "a first unchanged poll");
        long start = System.nanoTime();
        int before = stub.polls().size();

        Await.until(() -> stub.polls().size() >= before + 4, TestPull.WAIT, "four more polls");

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(interval.multipliedBy(3)) >= 0, "polls came " + took.toMillis() + " ms apart in all");
        assertEquals("not held by the backend", client.status().get("backend.longPoll"));
    }

    @Test
    void aRefusedTokenLeavesTheRelayRunningAndIsAskedAgainLater() throws Exception {
        stub.answer(401);
        startClient(plainPolls());

        Await.until(() -> pull.pollCounts().failures.get() >= 3, TestPull.WAIT, "polls refused");
        server.awaitLink();
        assertEquals("none yet", client.status().get("config.revision"));

        stub.serve(setup.configs.document("after-401", 3305, List.of()), "\"tag-1\"");
        assertEquals("after-401", ClientConfigs.revision(server.nextConfig()));
    }

    private JsonNode awaitEvent() throws Exception {
        Await.until(() -> stub.requests().stream().anyMatch(request -> request.path().equals("/v1/events")),
                TestPull.WAIT, "an event");
        return JSON.readTree(stub.requests().stream().filter(request -> request.path().equals("/v1/events"))
                .findFirst().orElseThrow().body());
    }
}
