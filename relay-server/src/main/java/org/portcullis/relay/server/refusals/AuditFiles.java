package org.portcullis.relay.server.refusals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit files of a log folder ({@code audit-YYYY-MM-DD.json}, one JSON object per line) read for a period:
 * only the files whose day can hold lines of it (a day's margin either side, for the zone and a session that ends
 * after midnight), only the lines whose {@code @timestamp} is in it.
 */
final class AuditFiles {
    private static final Pattern NAME = Pattern.compile("audit-(\\d{4}-\\d{2}-\\d{2})\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final ZoneId zone;
    private int files;
    private long lines;
    private long unreadable;

    AuditFiles(Path dir, ZoneId zone) {
        this.dir = dir;
        this.zone = zone;
    }

    /**
     * Hands every line of the period, parsed, to {@code line}, in file order.
     *
     * @throws IOException when the folder or a file cannot be read
     */
    void read(Period period, Consumer<JsonNode> line) throws IOException {
        for (Path file : filesFor(period)) {
            files++;
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String text;
                while ((text = reader.readLine()) != null) {
                    JsonNode node = parse(text);
                    if (node != null && period.contains(timestamp(node))) {
                        lines++;
                        line.accept(node);
                    }
                }
            }
        }
    }

    /** Files read. */
    int files() {
        return files;
    }

    /** Lines in the period. */
    long lines() {
        return lines;
    }

    /** Lines that were not an audit record (a line cut by a full disk, a stray edit): skipped. */
    long unreadable() {
        return unreadable;
    }

    private List<Path> filesFor(Period period) throws IOException {
        LocalDate first = LocalDate.ofInstant(period.since(), zone).minusDays(1);
        LocalDate last = LocalDate.ofInstant(period.until(), zone).plusDays(1);
        List<Path> chosen = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir, "audit-*.json")) {
            for (Path file : listing) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches() && inRange(name.group(1), first, last)) {
                    chosen.add(file);
                }
            }
        }
        chosen.sort(null);
        return chosen;
    }

    private static boolean inRange(String day, LocalDate first, LocalDate last) {
        try {
            LocalDate date = LocalDate.parse(day);
            return !date.isBefore(first) && !date.isAfter(last);
        } catch (DateTimeException notADate) {
            return false;
        }
    }

    private JsonNode parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node.isObject() && timestamp(node) != null) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // Counted below: one damaged line must not hide the others.
        }
        unreadable++;
        return null;
    }

    private static Instant timestamp(JsonNode node) {
        try {
            return Instant.parse(node.path("@timestamp").asText());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
