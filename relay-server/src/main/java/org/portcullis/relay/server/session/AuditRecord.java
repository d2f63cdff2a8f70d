package org.portcullis.relay.server.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.portcullis.config.Addresses;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.relay.server.session.RelaySession.Direction;

/**
 * The outcome of one OFTP2 session (RFC 5024 §4) as an intrusion-detection system reads it: every session the
 * relay accepted, refused or carried out to a partner leaves one, written as one line of ECS JSON
 * ({@link EcsAuditFormat}).
 *
 * @param sessionId        the relay's session id
 * @param direction        whether the partner called the relay or the relay called the partner
 * @param start            when the connection was accepted, or the inside asked for the outgoing session
 * @param end              when the session ended
 * @param partner          the partner's address and port (a host name for an outgoing route), or {@code null}
 * @param relay            the relay's own end: the listener for an incoming session, the source address of an
 *                         outgoing one; {@code null} when not known
 * @param route            the route an outgoing session came in on, {@code null} for an incoming one
 * @param certificate      the partner's certificate, or {@code null} without one
 * @param odetteId         the partner's Odette ID: the SSIDCODE it sent, or the route's for an outgoing session
 *                         before its SSID; {@code null} when not known
 * @param ending           the verdict, the ESID that ended the session and why
 * @param bytesFromPartner octets of STB frames relayed from the partner to the inside
 * @param bytesToPartner   octets of STB frames relayed from the inside to the partner
 */
public record AuditRecord(String sessionId, Direction direction, Instant start, Instant end, Endpoint partner,
        Endpoint relay, String route, PartnerCertificate certificate, String odetteId, Ending ending,
        long bytesFromPartner, long bytesToPartner) {

    public AuditRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(ending, "ending");
    }

    /** The verdict of a session. */
    public enum Verdict {
        /** Refused before anything went inside (TLS, SSID checks, limits, no link), or never got to the partner. */
        REFUSED,
        /** ESID 00 was exchanged. */
        COMPLETED,
        /** A command broke RFC 5024 and the relay ended the session. */
        VIOLATION,
        /** Ended otherwise: ESID with a reason from either side, time out, connection or link lost. */
        ENDED;

        /** The lower-case name the audit line carries. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Who sent the ESID that ended a session. */
    public enum EsidSender {
        PARTNER, INSIDE, RELAY;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One end of a connection.
     *
     * @param host an IP address in its display form, or a host name
     * @param port the port, 0 when not known
     */
    public record Endpoint(String host, int port) {
        public Endpoint {
            Objects.requireNonNull(host, "host");
        }

        /** The end of a socket; {@code null} for {@code null} (a channel that never connected). */
        public static Endpoint of(InetSocketAddress address) {
            if (address == null) {
                return null;
            }
            InetAddress ip = address.getAddress();
            return new Endpoint(ip == null ? address.getHostString() : Addresses.display(ip), address.getPort());
        }

        /** Whether {@link #host()} is an IP address rather than a name. */
        public boolean isIp() {
            return Addresses.isLiteral(host);
        }

        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + (port == 0 ? "" : ":" + port);
        }
    }

    /**
     * What identifies the partner's certificate.
     *
     * @param subject      its subject's distinguished name (RFC 2253)
     * @param serialNumber its serial number in upper-case hex, as ECS writes it
     */
    public record PartnerCertificate(String subject, String serialNumber) {
        /** The subject and serial of a certificate; {@code null} for {@code null}. */
        public static PartnerCertificate of(X509Certificate certificate) {
            return certificate == null ? null : new PartnerCertificate(certificate.getSubjectX500Principal().getName(),
                    certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT));
        }
    }

    /**
     * How a session ended.
     *
     * @param verdict what happened
     * @param esid    the ESID reason that ended it, {@code null} when none was sent (a closed connection, a reset
     *                stream, a refused TLS handshake)
     * @param sender  who sent that ESID, {@code null} without one
     * @param reason  why, in words (never a password or payload)
     */
    public record Ending(Verdict verdict, EsidReason esid, EsidSender sender, String reason) {
        public Ending {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(reason, "reason");
            if ((esid == null) != (sender == null)) {
                throw new IllegalArgumentException("an ESID has a sender and a sender an ESID");
            }
        }

        /** An ending the relay decided, with the ESID it sent (or none). */
        public static Ending byRelay(Verdict verdict, EsidReason esid, String reason) {
            return new Ending(verdict, esid, esid == null ? null : EsidSender.RELAY, reason);
        }
    }

    /** The verdict of {@link #ending()}. */
    public Verdict verdict() {
        return ending.verdict();
    }

    /** The reason of {@link #ending()}. */
    public String reason() {
        return ending.reason();
    }

    /** From start to end. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** The record as one line of ECS JSON. */
    public String toJson() {
        return EcsAuditFormat.toJson(this);
    }
}
