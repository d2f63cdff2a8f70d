package org.portcullis.relay.client.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what relay-server reports over the link into the backend's formats (docs/backend-api.md): a CRL_URLS
 * message {@code {"urls": [...]}} into {@code POST crl-urls} bodies (JSON arrays of at most
 * {@value #MAX_URLS_PER_REPORT} URLs), an EVENT message into a {@code POST events} body
 * {@code {"relay", "severity", "message", "time"}}.
 */
final class Reports {
    /** The most URLs the backend takes in one call. */
    static final int MAX_URLS_PER_REPORT = 100;
    /** Longer URLs are not CRL distribution points anyone should fetch. */
    static final int MAX_URL_LENGTH = 2048;
    /** The backend cuts messages there anyway. */
    static final int MAX_MESSAGE_LENGTH = 4000;
    static final int MAX_RELAY_LENGTH = 100;
    private static final Set<String> SEVERITIES = Set.of("INFO", "WARNING", "ERROR", "CRITICAL");
    private static final String DEFAULT_SEVERITY = "WARNING";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BackendEndpoints endpoints;
    private final String relayName;

    /**
     * @param relayName the {@code relay} of events that do not name one
     */
    Reports(BackendEndpoints endpoints, String relayName) {
        this.endpoints = endpoints;
        this.relayName = cut(relayName, MAX_RELAY_LENGTH);
    }

    /**
     * The calls that carry a CRL_URLS message: {@code {"urls": ["http://...", ...]}} (a bare array too); entries
     * that are not strings, or are blank or very long, are left out.
     *
     * @throws IllegalArgumentException if the body is not such JSON
     */
    List<Report> crlUrls(byte[] body) {
        JsonNode root = parse(body);
        JsonNode urls = root != null && root.isObject() ? root.get("urls") : root;
        if (urls == null || !urls.isArray()) {
            throw new IllegalArgumentException("a CRL_URLS message is {\"urls\": [...]}");
        }
        List<Report> reports = new ArrayList<>();
        ArrayNode chunk = JSON.createArrayNode();
        for (JsonNode url : urls) {
            if (url.isTextual() && !url.asText().isBlank() && url.asText().length() <= MAX_URL_LENGTH) {
                chunk.add(url.asText());
            }
            if (chunk.size() == MAX_URLS_PER_REPORT) {
                reports.add(crlReport(chunk));
                chunk = JSON.createArrayNode();
            }
        }
        if (!chunk.isEmpty()) {
            reports.add(crlReport(chunk));
        }
        return reports;
    }

    /**
     * The call that carries an EVENT message: a JSON object whose {@code severity} (INFO, WARNING, ERROR,
     * CRITICAL; else WARNING), {@code message}, {@code time} (ISO-8601 with an offset; else now) and {@code relay}
     * (else relay-server's host) are taken; a body that is no JSON object is the message itself.
     */
    Report serverEvent(byte[] body, Instant now) {
        JsonNode root;
        try {
            root = parse(body);
        } catch (IllegalArgumentException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return event(relayName, DEFAULT_SEVERITY, new String(body, StandardCharsets.UTF_8), now.toString());
        }
        String relay = root.path("relay").asText("");
        return event(relay.isBlank() ? relayName : cut(relay, MAX_RELAY_LENGTH), severity(root.path("severity")),
                root.path("message").asText(""), time(root.path("time"), now));
    }

    /** An event relay-client raises itself. */
    Report ownEvent(String severity, String message, Instant now) {
        return event(relayName, severity, message, now.toString());
    }

    private Report event(String relay, String severity, String message, String time) {
        String text = message.isBlank() ? "(an event without a message)" : cut(message, MAX_MESSAGE_LENGTH);
        ObjectNode event = JSON.createObjectNode().put("relay", relay).put("severity", severity)
                .put("message", text).put("time", time);
        return new Report(endpoints.events(), write(event), "event " + severity);
    }

    private Report crlReport(ArrayNode urls) {
        return new Report(endpoints.crlUrls(), write(urls), urls.size() + " CRL URL(s)");
    }

    private static String severity(JsonNode node) {
        String text = node.asText("").strip().toUpperCase(Locale.ROOT);
        if (text.equals("WARN")) {
            return "WARNING";
        }
        return SEVERITIES.contains(text) ? text : DEFAULT_SEVERITY;
    }

    private static String time(JsonNode node, Instant now) {
        String text = node.asText("");
        try {
            OffsetDateTime.parse(text);
            return text;
        } catch (DateTimeParseException e) {
            return now.toString();
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        // Never half of a surrogate pair.
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }
}
