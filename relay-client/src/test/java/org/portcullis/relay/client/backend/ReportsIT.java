package org.portcullis.relay.client.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.ControlType;
import org.portcullis.link.Link;
import org.portcullis.relay.client.ClientTestSetup;
import org.portcullis.relay.client.FakeRelayServer;
import org.portcullis.relay.client.RelayClient;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * relay-server's CRL URLs and events reach the real backend through relay-client, in the backend's formats; they
 * wait in a bounded queue while the backend is down, and what does not fit is dropped and counted.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReportsIT {
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
    private Path events;
    private String token;
    private Backend pull;
    private RelayClient client;

    @BeforeEach
    void prepareBackend() throws IOException {
        backend.minimalConfiguration();
        token = backend.createToken("relay-dmz-1");
        events = folder.resolve("events.txt");
        backend.recordEventsIn(events);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private Link startClient(BackendSettings settings) throws InterruptedException {
        pull = TestPull.backend(settings);
        client = TestPull.client(setup, server.start(), pull);
        client.start();
        return server.awaitLink();
    }

    @Test
    void crlUrlsAndEventsFromRelayServerReachTheBackend() throws Exception {
        Link link = startClient(TestPull.settings(backend.url(), token, PKI.writeCa()));
        String crlUrl = "http://127.0.0.1:" + closedPort() + "/partner-ca.crl";

        link.sendControl(ControlMessage.of(ControlType.CRL_URLS, "{\"urls\": [\"" + crlUrl + "\"]}"));
        link.sendControl(ControlMessage.of(ControlType.EVENT, "{\"severity\": \"critical\", \"message\": "
                + "\"partner O0013000000PARTNER refused: certificate expired\", \"time\": \"2025-05-01T12:00:00Z\"}"));

        Await.until(() -> eventLines().contains(TestPull.RELAY + "|CRITICAL|2025-05-01T12:00:00Z|partner "
                + "O0013000000PARTNER refused: certificate expired"), TestPull.WAIT, "the event at the backend");
        Await.until(() -> backend.admin("crl", "status").contains(crlUrl), TestPull.WAIT,
                "the CRL URL at the backend");
        assertEquals(0, pull.reportQueue().droppedCount());
        assertEquals(0, Long.parseLong(client.status().get("reports.refused")), client.status()::toString);
    }

    @Test
    void reportsWaitWhileTheBackendIsDownAndWhatDoesNotFitIsDroppedAndCounted() throws Exception {
        backend.stop();
        Link link = startClient(TestPull.settings(backend.url(), token, PKI.writeCa()).withReportQueue(3));

        for (int i = 1; i <= 5; i++) {
            link.sendControl(ControlMessage.of(ControlType.EVENT, "{\"severity\": \"ERROR\", \"message\": "
                    + "\"event " + i + "\"}"));
        }
        Await.until(() -> pull.reportQueue().droppedCount() == 2, TestPull.WAIT, "two events dropped");
        assertEquals("3", client.status().get("reports.waiting"));
        assertEquals(0, pull.reportQueue().deliveredCount());

        backend.start();
        Await.until(() -> pull.reportQueue().deliveredCount() == 3, TestPull.WAIT, "the held events delivered");
        Await.until(() -> messages().containsAll(List.of("event 1", "event 2", "event 3")), TestPull.WAIT,
                "the held events at the backend, in order");
        assertEquals(List.of("event 1", "event 2", "event 3"), messages().stream()
                .filter(message -> message.startsWith("event ")).toList());
        assertEquals("2", client.status().get("reports.dropped"));
        assertEquals("0", client.status().get("reports.waiting"));
    }

    private String eventLines() {
        try {
            return Files.exists(events) ? Files.readString(events) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages of the events the backend's script saw, in order. */
    private List<String> messages() {
        return eventLines().lines().map(line -> line.substring(line.lastIndexOf('|') + 1)).toList();
    }

    /** A loopback port nobody listens on (the backend's CRL fetch is refused at once). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
