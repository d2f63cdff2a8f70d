package org.portcullis.relay.server.session;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.daemon.control.SessionSummary;
import org.portcullis.daemon.control.SessionTag;
import org.portcullis.link.LinkStream;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.session.Party;
import org.portcullis.relay.server.session.AuditRecord.Endpoint;
import org.portcullis.relay.server.session.AuditRecord.Ending;
import org.portcullis.relay.server.session.AuditRecord.EsidSender;
import org.portcullis.relay.server.session.AuditRecord.PartnerCertificate;
import org.portcullis.relay.server.session.AuditRecord.Verdict;

/**
 * The state of one partner session the relay carries (RFC 5024 §4): who the partner is, the link stream to the
 * inside, the bytes each way, and its one end, which sends ESID where the protocol wants one, closes both sides
 * and writes one audit record. Shared by the handlers of the partner's channel; used on its event loop only,
 * except what the control port reads ({@link #summary()}, volatile) and {@link #end}, which moves to that loop.
 */
public final class RelaySession {
    private static final Logger LOG = LogManager.getLogger();

    /** Which side called. */
    public enum Direction {
        /** A partner called the relay. */
        INCOMING,
        /** The relay called a partner for the inside daemon. */
        OUTGOING
    }

    /** The longest wait for the partner to disconnect after an ESID of the relay. */
    static final Duration ESID_LINGER = Duration.ofSeconds(2);

    private final String id;
    private final Direction direction;
    private final Channel channel;
    private final SessionInspector inspector;
    private final SessionSupport support;
    private volatile Instant started;
    private volatile Endpoint partner;
    private String route;
    private X509Certificate certificate;
    private volatile String odetteId;
    private volatile SessionTag log;
    private LinkStream stream;
    private boolean slotHeld;
    // Written on the session's event loop only; volatile for the control port's reads.
    private volatile long bytesFromPartner;
    private volatile long bytesToPartner;
    private volatile boolean ended;

    /**
     * @param channel the connection to the partner
     * @param support the audit log and session limit
     */
    public RelaySession(String id, Direction direction, Channel channel, SessionSupport support) {
        this.id = id;
        this.direction = direction;
        this.channel = channel;
        this.support = support;
        this.log = SessionTag.of(id);
        this.inspector = new SessionInspector(direction == Direction.INCOMING ? Party.INITIATOR : Party.RESPONDER);
    }

    /** The connection is up: from now on the session ends with an audit record. */
    public void opened() {
        if (started == null) {
            started = Instant.now();
            support.sessions().add(this);
        }
    }

    public String id() {
        return id;
    }

    public Direction direction() {
        return direction;
    }

    /**
     * The start of every log line of this session, {@code [id]} or {@code [id ODETTEID]} once known, passed as the
     * line's first parameter so a partner's or session's log level set over the control port applies.
     */
    public SessionTag log() {
        return log;
    }

    public Channel channel() {
        return channel;
    }

    public SessionInspector inspector() {
        return inspector;
    }

    /** The partner's address as text: its host and port for an outgoing session, else the channel's peer. */
    public String peer() {
        Endpoint endpoint = partner();
        return endpoint == null ? null : endpoint.toString();
    }

    private Endpoint partner() {
        if (partner == null && channel.remoteAddress() instanceof InetSocketAddress remote) {
            partner = Endpoint.of(remote);
        }
        return partner;
    }

    /** An outgoing session: the partner's host and port as its route names them, and the route. */
    public void partner(String host, int port, String routeName) {
        this.partner = new Endpoint(host, port);
        this.route = routeName;
    }

    public void certificate(X509Certificate partnerCertificate) {
        this.certificate = partnerCertificate;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public void odetteId(String partnerOdetteId) {
        this.odetteId = partnerOdetteId;
        this.log = log.withPartner(partnerOdetteId);
    }

    public String odetteId() {
        return odetteId;
    }

    /** The stream to the inside; the session owns it from now on and ends it with the session. */
    public void stream(LinkStream linkStream) {
        this.stream = linkStream;
    }

    public LinkStream stream() {
        return stream;
    }

    /** Takes over a slot of the session limit acquired before the session existed. */
    public void adoptSlot() {
        slotHeld = true;
    }

    /** Takes a slot of the session limit; false when none is free. */
    public boolean acquireSlot(int maxSessions) {
        if (!slotHeld) {
            slotHeld = support.limiter().tryAcquire(maxSessions);
        }
        return slotHeld;
    }

    public void countFromPartner(int octets) {
        bytesFromPartner += octets;
        support.metrics().countFromPartner(octets);
    }

    public void countToPartner(int octets) {
        bytesToPartner += octets;
        support.metrics().countToPartner(octets);
    }

    /** The session as the control port lists it. */
    public SessionSummary summary() {
        return new SessionSummary(id, odetteId, direction.name().toLowerCase(Locale.ROOT), peer(), bytesFromPartner,
                bytesToPartner, started);
    }

    /**
     * Ends the session from another thread (the control port, a drain): on its event loop, with {@code esid} to
     * the partner and to the inside, unless it ended meanwhile.
     */
    public void end(EsidReason esid, String reason) {
        try {
            channel.eventLoop().execute(() -> failBoth(Verdict.ENDED, esid, reason));
        } catch (RejectedExecutionException shuttingDown) {
            channel.close();
        }
    }

    public boolean ended() {
        return ended;
    }

    /**
     * Ends after an ESID passed through the relay (either way): the stream is closed after what is queued on it,
     * the partner after what is queued for it. ESID 00 completes the session; any other reason just ends it.
     */
    public void finish(EsidReason esid, EsidSender sender) {
        if (begin()) {
            if (stream != null) {
                stream.close();
            }
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            complete(new Ending(esid == EsidReason.NORMAL_TERMINATION ? Verdict.COMPLETED : Verdict.ENDED, esid,
                    sender, String.format("ESID %02d from the %s", esid.code(), sender.text())));
        }
    }

    /**
     * Ends abnormally: ESID with {@code esid} to the partner (none when {@code null}), the stream reset so the
     * inside connection is closed, the partner closed after the ESID.
     */
    public void fail(Verdict verdict, EsidReason esid, String reason) {
        if (begin()) {
            if (stream != null) {
                stream.reset(reason);
            }
            closePartner(esid);
            complete(Ending.byRelay(verdict, esid, reason));
        }
    }

    /** Ends with the same ESID to the partner and, through the stream, to the inside daemon. */
    public void failBoth(Verdict verdict, EsidReason esid, String reason) {
        if (begin()) {
            if (stream != null) {
                stream.write(StbFrames.encode(channel.alloc(), Esid.of(esid)));
                stream.close();
            }
            closePartner(esid);
            complete(Ending.byRelay(verdict, esid, reason));
        }
    }

    private boolean begin() {
        if (ended) {
            return false;
        }
        ended = true;
        if (slotHeld) {
            slotHeld = false;
            support.limiter().release();
        }
        return true;
    }

    /**
     * Sends ESID and waits for the partner to disconnect, as RFC 5024 §4.6 has the sender of ESID do, reading
     * and dropping what it still sends for at most {@link #ESID_LINGER}: closing a socket with unread octets
     * would reset the connection, and the reset could destroy the ESID before the partner reads it.
     */
    private void closePartner(EsidReason esid) {
        if (esid == null || !channel.isActive()) {
            channel.close();
            return;
        }
        channel.writeAndFlush(Esid.of(esid)).addListener(written -> {
            if (!written.isSuccess()) {
                channel.close();
                return;
            }
            channel.config().setAutoRead(true);
            channel.eventLoop().schedule(() -> channel.close(), ESID_LINGER.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private void complete(Ending ending) {
        if (started == null) {
            // Never opened (refused by the address filter): the filter logs and counts those.
            return;
        }
        // The metrics count refusals by the ESID the relay sent; one passed through is the partner's or inside's.
        support.metrics().ended(ending.verdict(), ending.sender() == EsidSender.RELAY ? ending.esid() : null);
        Instant end = Instant.now();
        Duration duration = Duration.between(started, end);
        if (ending.verdict() == Verdict.COMPLETED) {
            LOG.info("{} session completed: {} ({} octets from the partner, {} to it, {} ms)", log(), ending.reason(),
                    bytesFromPartner, bytesToPartner, duration.toMillis());
        } else if (ending.verdict() == Verdict.REFUSED) {
            Optional<String> note = support.refusals().permit(SessionMetrics.reason(ending.esid()));
            if (note.isEmpty() && odetteId == null) {
                // Over the budget and anonymous (no SSID: TLS failed, silence, garbage): counted in the metrics
                // and the next line's note, so a flood writes neither the log nor the audit file full.
                return;
            }
            note.ifPresent(text -> LOG.warn("{} session refused: {}{}", log(), ending.reason(), text));
        } else {
            LOG.warn("{} session {}: {}", log(), ending.verdict().text(), ending.reason());
        }
        Endpoint relay = channel.localAddress() instanceof InetSocketAddress local ? Endpoint.of(local) : null;
        support.audit().write(new AuditRecord(id, direction, started, end, partner(), relay, route,
                PartnerCertificate.of(certificate), odetteId, ending, bytesFromPartner, bytesToPartner));
    }
}
