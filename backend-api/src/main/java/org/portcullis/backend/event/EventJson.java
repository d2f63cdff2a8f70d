package org.portcullis.backend.event;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of {@code POST /v1/events}: a JSON object with {@code relay}, {@code severity} (INFO, WARNING,
 * ERROR, CRITICAL), {@code message} and {@code time} (ISO-8601 with an offset or Z). Other fields are ignored, so
 * a newer relay may send more.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EventJson() {
    }

    /**
     * Parses an event delivered with the named token.
     *
     * @throws IllegalArgumentException naming every problem, "field: why; field: why"
     */
    public static Event parse(byte[] json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("an event is a JSON object");
        }
        List<String> problems = new ArrayList<>();
        String relay = text(root, "relay", problems);
        Severity severity = severity(text(root, "severity", problems), problems);
        String message = text(root, "message", problems);
        Instant time = time(text(root, "time", problems), problems);
        if (relay != null && relay.length() > 100) {
            problems.add("relay: at most 100 characters");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Event(relay, severity, message, time, source);
    }

    private static Severity severity(String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add("severity: " + e.getMessage());
            return null;
        }
    }

    private static Instant time(String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.add("time: not an ISO-8601 time with an offset, like 2024-05-01T12:00:00Z");
            return null;
        }
    }

    private static String text(JsonNode root, String field, List<String> problems) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            problems.add(field + ": a non-empty string is required");
            return null;
        }
        return node.asText();
    }
}
