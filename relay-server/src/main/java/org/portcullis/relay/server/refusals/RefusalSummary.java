package org.portcullis.relay.server.refusals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who was refused, from audit lines: partners by Odette ID and source address, egress by destination host and port,
 * each with its count and its reasons counted, most frequent first.
 */
final class RefusalSummary {
    private final Map<String, Group> partners = new HashMap<>();
    private final Map<String, Group> egress = new HashMap<>();
    private long sessions;

    /** Counts one audit line: a refused session in its group, any other only as a session. */
    void add(JsonNode line) {
        sessions++;
        if (!"refused".equals(line.at("/portcullis/verdict").asText())) {
            return;
        }
        String reason = reason(line);
        if ("outgoing".equals(line.at("/portcullis/direction").asText())) {
            String title = destination(line);
            egress.computeIfAbsent(title, Group::new).count(reason);
        } else {
            String odetteId = line.at("/user/name").asText("");
            String title = (odetteId.isEmpty() ? "no Odette ID" : odetteId) + " from " + source(line);
            partners.computeIfAbsent(title, Group::new).count(reason);
        }
    }

    /** Sessions counted, refused or not. */
    long sessions() {
        return sessions;
    }

    void print(PrintWriter out) {
        print(out, "Refused partners", "partner or address", "partners or addresses", partners);
        print(out, "Refused egress", "host", "hosts", egress);
    }

    private static void print(PrintWriter out, String heading, String one, String many, Map<String, Group> groups) {
        long total = groups.values().stream().mapToLong(group -> group.total).sum();
        if (total == 0) {
            out.printf("%s: none%n", heading);
            return;
        }
        out.printf("%s: %d session%s, %d %s%n", heading, total, total == 1 ? "" : "s", groups.size(),
                groups.size() == 1 ? one : many);
        List<Group> sorted = groups.values().stream()
                .sorted(Comparator.comparingLong((Group group) -> -group.total).thenComparing(group -> group.title))
                .toList();
        for (Group group : sorted) {
            out.printf("%7d  %s%n", group.total, group.title);
            group.reasons.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(reason -> out.printf("%16d  %s%n", reason.getValue(), reason.getKey()));
        }
    }

    /** The reason in words, with the ESID the relay sent where it sent one. */
    private static String reason(JsonNode line) {
        String reason = line.at("/event/reason").asText("(no reason recorded)");
        JsonNode esid = line.at("/portcullis/esid/code");
        return esid.isInt() ? String.format("%s (ESID %02d)", reason, esid.asInt()) : reason;
    }

    private static String source(JsonNode line) {
        String ip = line.at("/source/ip").asText("");
        return ip.isEmpty() ? line.at("/source/address").asText("an unknown address") : ip;
    }

    private static String destination(JsonNode line) {
        String route = line.at("/portcullis/route").asText("");
        String host = line.at("/destination/address").asText("");
        if (host.isEmpty()) {
            return "route " + (route.isEmpty() ? "(none named)" : route) + ", no partner";
        }
        JsonNode port = line.at("/destination/port");
        String address = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return address + (port.isInt() ? ":" + port.asInt() : "") + (route.isEmpty() ? "" : " (route " + route + ")");
    }

    /** The refusals of one partner and address, or of one egress destination. */
    private static final class Group {
        private final String title;
        private final Map<String, Long> reasons = new HashMap<>();
        private long total;

        Group(String title) {
            this.title = title;
        }

        void count(String reason) {
            total++;
            reasons.merge(reason, 1L, Long::sum);
        }
    }
}
