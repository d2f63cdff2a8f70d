package org.portcullis.relay.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.portcullis.relay.server.session.AuditRecord.Endpoint;
import org.portcullis.relay.server.session.AuditRecord.PartnerCertificate;
import org.portcullis.relay.server.session.AuditRecord.Verdict;
import org.portcullis.relay.server.session.RelaySession.Direction;

/**
 * Writes an {@link AuditRecord} as one line of JSON with Elastic Common Schema field names, nested as ECS documents
 * are: {@code @timestamp}, {@code event.*} (kind, category, type, action, outcome, reason, start, end, duration in
 * nanoseconds), {@code network.*}, {@code source.*} and {@code destination.*} (the caller is the source: the partner
 * of an incoming session, the relay of an outgoing one), {@code tls.client.*} or {@code tls.server.*} (the partner's
 * certificate, on the side the partner had), {@code user.name} (the Odette ID) and {@code portcullis.*} for what
 * ECS has no field for (session id, direction, verdict, route, the ESID). Fields not known are left out.
 * docs/operations.md lists them all.
 */
public final class EcsAuditFormat {
    /** The ECS version whose field names the lines use. */
    public static final String ECS_VERSION = "8.11.0";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EcsAuditFormat() {
    }

    /** One line: no line break inside, every string escaped by Jackson. */
    public static String toJson(AuditRecord record) {
        ObjectNode root = JSON.createObjectNode();
        root.put("@timestamp", record.end().toString());
        root.putObject("ecs").put("version", ECS_VERSION);
        event(root.putObject("event"), record);
        boolean incoming = record.direction() == Direction.INCOMING;
        root.putObject("network").put("direction", incoming ? "inbound" : "outbound").put("transport", "tcp")
                .put("protocol", "oftp2");
        Endpoint caller = incoming ? record.partner() : record.relay();
        Endpoint called = incoming ? record.relay() : record.partner();
        endpoint(root.putObject("source"), caller, incoming ? record.bytesFromPartner() : record.bytesToPartner());
        endpoint(root.putObject("destination"), called,
                incoming ? record.bytesToPartner() : record.bytesFromPartner());
        certificate(root, incoming ? "client" : "server", record.certificate());
        if (record.odetteId() != null) {
            root.putObject("user").put("name", record.odetteId());
        }
        portcullis(root.putObject("portcullis"), record);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static void event(ObjectNode event, AuditRecord record) {
        Verdict verdict = record.ending().verdict();
        event.put("kind", "event");
        event.putArray("category").add("network").add("session");
        if (record.direction() == Direction.INCOMING && record.odetteId() != null) {
            // The partner logged in with its SSID: the session is an authentication too.
            event.withArray("category").add("authentication");
        }
        event.putArray("type").add("connection").add("end").add(verdict == Verdict.REFUSED ? "denied" : "allowed");
        event.put("action", "session-" + verdict.text());
        event.put("outcome", verdict == Verdict.COMPLETED ? "success" : "failure");
        event.put("reason", record.ending().reason());
        event.put("start", record.start().toString());
        event.put("end", record.end().toString());
        event.put("duration", record.duration().toNanos());
        event.put("module", "portcullis");
        event.put("dataset", "portcullis.audit");
    }

    private static void endpoint(ObjectNode node, Endpoint endpoint, long bytes) {
        if (endpoint != null) {
            node.put("address", endpoint.host());
            if (endpoint.isIp()) {
                node.put("ip", endpoint.host());
            } else {
                node.put("domain", endpoint.host());
            }
            if (endpoint.port() != 0) {
                node.put("port", endpoint.port());
            }
        }
        node.put("bytes", bytes);
    }

    private static void certificate(ObjectNode root, String side, PartnerCertificate certificate) {
        if (certificate == null) {
            return;
        }
        ObjectNode tls = root.putObject("tls").putObject(side);
        tls.put("subject", certificate.subject());
        ObjectNode x509 = tls.putObject("x509");
        x509.put("serial_number", certificate.serialNumber());
        x509.putObject("subject").put("distinguished_name", certificate.subject());
    }

    private static void portcullis(ObjectNode node, AuditRecord record) {
        node.putObject("session").put("id", record.sessionId());
        node.put("direction", record.direction() == Direction.INCOMING ? "incoming" : "outgoing");
        node.put("verdict", record.ending().verdict().text());
        if (record.route() != null) {
            node.put("route", record.route());
        }
        if (record.ending().esid() != null) {
            node.putObject("esid").put("code", record.ending().esid().code())
                    .put("reason", record.ending().esid().text()).put("sender", record.ending().sender().text());
        }
    }
}
