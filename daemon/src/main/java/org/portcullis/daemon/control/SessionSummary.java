package org.portcullis.daemon.control;

import java.time.Duration;
import java.time.Instant;

/**
 * One running session as {@code status} and {@code sessions} show it.
 *
 * @param id               the session id, as in the log lines and the audit record
 * @param partner          the partner's Odette ID, or {@code null} before its SSID
 * @param direction        {@code incoming} (the partner called) or {@code outgoing}
 * @param peer             the partner's (or, on relay-client, the inside daemon's) address, or {@code null}
 * @param bytesFromPartner octets relayed from the partner so far
 * @param bytesToPartner   octets relayed to the partner so far
 * @param started          when the connection was made
 */
public record SessionSummary(String id, String partner, String direction, String peer, long bytesFromPartner,
        long bytesToPartner, Instant started) {

    /** {@code <id> partner=O0013… direction=incoming peer=… bytes-from-partner=N bytes-to-partner=N age=Ns}. */
    public String line(Instant now) {
        return id + " partner=" + orDash(partner) + " direction=" + direction + " peer=" + orDash(peer)
                + " bytes-from-partner=" + bytesFromPartner + " bytes-to-partner=" + bytesToPartner + " age="
                + Duration.between(started, now).toSeconds() + "s";
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
