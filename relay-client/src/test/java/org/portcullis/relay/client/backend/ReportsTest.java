package org.portcullis.relay.client.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private final BackendEndpoints endpoints = BackendEndpoints.of(URI.create("https://backend.example:8443"));
    private final Reports reports = new Reports(endpoints, "relay.dmz.example");

    @Test
    void crlUrlsGoAsJsonArraysOfAtMostOneHundred() throws IOException {
        String urls = IntStream.range(0, 250).mapToObj(i -> "\"http://crl.example/" + i + ".crl\"")
                .collect(Collectors.joining(","));

        List<Report> calls = reports.crlUrls(bytes("{\"urls\": [" + urls + "]}"));

        assertEquals(3, calls.size());
        assertEquals(List.of(100, 100, 50), calls.stream().map(call -> tree(call).size()).toList());
        assertEquals(endpoints.crlUrls(), calls.get(0).uri());
        assertEquals("http://crl.example/0.crl", tree(calls.get(0)).get(0).asText());
        assertEquals("http://crl.example/249.crl", tree(calls.get(2)).get(49).asText());
    }

    @Test
    void crlUrlsLeaveOutWhatIsNoUrlString() {
        List<Report> calls = reports.crlUrls(bytes("[\"http://a.example/a.crl\", 7, \"\", \"" + "x".repeat(3000)
                + "\", \"ldap://b.example/cn=CA\"]"));
        assertEquals("[\"http://a.example/a.crl\",\"ldap://b.example/cn=CA\"]", calls.get(0).json());
        assertTrue(reports.crlUrls(bytes("{\"urls\": []}")).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> reports.crlUrls(bytes("{\"url\": \"x\"}")));
        assertThrows(IllegalArgumentException.class, () -> reports.crlUrls(bytes("not json")));
    }

    @Test
    void anEventHasExactlyTheBackendsFieldsWithTheServersValues() {
        Report call = reports.serverEvent(bytes("{\"relay\": \"dmz-1\", \"severity\": \"critical\", \"message\": "
                + "\"link lost\", \"time\": \"2025-05-01T12:00:00+02:00\", \"extra\": 1}"), NOW);

        assertEquals(endpoints.events(), call.uri());
        assertEquals("{\"relay\":\"dmz-1\",\"severity\":\"CRITICAL\",\"message\":\"link lost\","
                + "\"time\":\"2025-05-01T12:00:00+02:00\"}", call.json());
    }

    @Test
    void anEventWithoutRelaySeverityOrTimeGetsRelayClientsValues() {
        JsonNode event = tree(reports.serverEvent(bytes("{\"severity\": \"loud\", \"message\": \"x\", "
                + "\"time\": \"noon\"}"), NOW));
        assertEquals("relay.dmz.example", event.get("relay").asText());
        assertEquals("WARNING", event.get("severity").asText());
        assertEquals("2026-01-02T03:04:05Z", event.get("time").asText());
        assertEquals("WARNING", tree(reports.serverEvent(bytes("{\"severity\": \"warn\", \"message\": \"x\"}"),
                NOW)).get("severity").asText());
    }

    @Test
    void anEventThatIsNoJsonObjectIsTheMessageAndLongMessagesAreCut() {
        JsonNode text = tree(reports.serverEvent(bytes("partner refused"), NOW));
        assertEquals("partner refused", text.get("message").asText());
        assertEquals("WARNING", text.get("severity").asText());
        assertEquals(Reports.MAX_MESSAGE_LENGTH, tree(reports.serverEvent(bytes("y".repeat(10_000)), NOW))
                .get("message").asText().length());
        assertEquals("(an event without a message)", tree(reports.serverEvent(bytes("{}"), NOW))
                .get("message").asText());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(Report report) {
        try {
            return JSON.readTree(report.json());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
