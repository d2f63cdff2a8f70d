package org.portcullis.relay.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one partner session as an intrusion-detection system reads it: one JSON object per line.
 *
 * @param time               when the session ended
 * @param sessionId          the relay's session id
 * @param peer               the partner's address and port, IPv4-mapped addresses shown as IPv4
 * @param certificateSubject the partner certificate's subject, or {@code null} without one
 * @param certificateSerial  its serial number in hex, or {@code null}
 * @param odetteId           the Odette ID the partner gave (SSIDCODE), or {@code null} before its SSID
 * @param direction          {@code incoming} (the partner called) or {@code outgoing} (the relay called it)
 * @param verdict            what happened
 * @param reason             why, in words (never a password or payload)
 * @param bytesFromPartner   octets of STB frames relayed from the partner to the inside
 * @param bytesToPartner     octets of STB frames relayed from the inside to the partner
 * @param duration           from accept (or connect) to the end
 */
public record AuditRecord(Instant time, String sessionId, String peer, String certificateSubject,
        String certificateSerial, String odetteId, String direction, Verdict verdict, String reason,
        long bytesFromPartner, long bytesToPartner, Duration duration) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The verdict of a session. */
    public enum Verdict {
        /** Refused before anything went inside: TLS, SSID checks, limits, no link. */
        REFUSED,
        /** ESID 00 was exchanged. */
        COMPLETED,
        /** A command broke RFC 5024 and the relay ended the session. */
        VIOLATION,
        /** Ended otherwise: ESID with a reason from either side, time out, connection or link lost. */
        ENDED
    }

    /** The record as one line of JSON. */
    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", time.toString());
        fields.put("sessionId", sessionId);
        fields.put("peer", peer);
        fields.put("certificateSubject", certificateSubject);
        fields.put("certificateSerial", certificateSerial);
        fields.put("odetteId", odetteId);
        fields.put("direction", direction);
        fields.put("verdict", verdict.name().toLowerCase(Locale.ROOT));
        fields.put("reason", reason);
        fields.put("bytesFromPartner", bytesFromPartner);
        fields.put("bytesToPartner", bytesToPartner);
        fields.put("durationMs", duration.toMillis());
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and numbers always serialise", e);
        }
    }
}
