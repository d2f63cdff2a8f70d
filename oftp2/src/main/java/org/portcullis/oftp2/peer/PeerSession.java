package org.portcullis.oftp2.peer;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.OftpCommand;

/**
 * The state one connection's phases share (RFC 5024 §4): configuration, agreed values, folders, the
 * session's record, and the one way commands leave this peer, through the session rules.
 * Used only on the session's executor thread (writes and closes hand over to the event loop themselves).
 */
final class PeerSession {
    private static final Logger LOG = LogManager.getLogger();
    /** How long the sender of an abnormal ESID waits for the partner to disconnect (RFC 5024 §4.7 WF_NDISC). */
    private static final Duration ESID_CLOSE_GRACE = Duration.ofSeconds(2);
    private static final int MAX_ESID_TEXT = 240;

    private final ChannelHandlerContext ctx;
    private final EventExecutor executor;
    private final PeerConfig config;
    private final Role role;
    private final String sessionId;
    private final PeerRules rules;
    private final SessionRecord record;
    private final Outbox outbox;
    private final Inbox inbox;
    private final ReceiptStore receipts;
    /** Dataset names offered in this session, so a refused or failed file is not offered again each turn. */
    private final Set<String> attempted = new HashSet<>();
    private String logPrefix;
    private String partnerId;
    private Negotiated negotiated;
    private Phase phase;
    private ByteBuffer scratch;
    private boolean ended;

    PeerSession(ChannelHandlerContext ctx, PeerConfig config, Role role, String sessionId, EventExecutor executor) {
        this.ctx = ctx;
        this.executor = executor;
        this.config = config;
        this.role = role;
        this.sessionId = sessionId;
        this.rules = new PeerRules(role);
        this.record = new SessionRecord(sessionId);
        this.outbox = config.sendDir() == null ? null : new Outbox(config.sendDir(), Clock.systemDefaultZone());
        this.inbox = config.receiveDir() == null ? null : new Inbox(config.receiveDir(), config.odetteId());
        this.receipts = config.receiveDir() == null ? null : new ReceiptStore(config.receiveDir());
        this.logPrefix = "[" + sessionId + "]";
    }

    ChannelHandlerContext ctx() {
        return ctx;
    }

    PeerConfig config() {
        return config;
    }

    Role role() {
        return role;
    }

    /** {@code [sessionId]}, or {@code [sessionId partnerId]} once the partner's SSID is known. */
    String log() {
        return logPrefix;
    }

    SessionRecord record() {
        return record;
    }

    /** The send folder, or {@code null} when this peer sends nothing. */
    Outbox outbox() {
        return outbox;
    }

    /** The receive folder, or {@code null} when this peer receives nothing. */
    Inbox inbox() {
        return inbox;
    }

    /** The receipts owed, or {@code null} when this peer receives nothing. */
    ReceiptStore receipts() {
        return receipts;
    }

    /**
     * A direct buffer of the negotiated exchange buffer size for file octets on their way to or from DATA,
     * made once per session: a session moves one file at a time.
     */
    ByteBuffer scratch() {
        if (scratch == null) {
            scratch = ByteBuffer.allocateDirect(negotiated.bufferSize());
        }
        return scratch.clear();
    }

    /** True the first time a file is offered in this session. */
    boolean firstAttempt(String datasetName) {
        return attempted.add(datasetName);
    }

    Negotiated negotiated() {
        return negotiated;
    }

    /** The start phase is over: the partner is known and the session rules have seen both SSIDs. */
    void started(String partnerId) {
        Negotiated agreed = rules.negotiated();
        negotiated = agreed;
        this.partnerId = partnerId;
        record.partnerId(partnerId);
        logPrefix = "[" + sessionId + " " + partnerId + "]";
        LOG.info("{} session started as {}: buffer size {}, credit {}, restart {}", logPrefix, role,
                agreed.bufferSize(), agreed.credit(), agreed.restart());
    }

    /** The partner's SSIDCODE without padding, or {@code null} before the start phase is over. */
    String partnerId() {
        return partnerId;
    }

    boolean ended() {
        return ended;
    }

    /** The phase the session is in, or {@code null} before the start. */
    Phase phase() {
        return phase;
    }

    /** Moves to the next phase and begins it. */
    void enter(Phase next) throws IOException {
        phase = next;
        next.begin();
    }

    /** Checks a command received against the session rules; a violation ends the session. */
    void received(OftpCommand command) {
        LOG.debug("{} received {}", () -> logPrefix, () -> CommandLog.describe(command));
        rules.received(command);
    }

    /** Sends a command (without flushing), checked against the session rules first. */
    void send(OftpCommand command) {
        rules.sent(command);
        LOG.debug("{} sent {}", () -> logPrefix, () -> CommandLog.describe(command));
        ctx.write(command).addListener(this::onWriteDone);
    }

    void flush() {
        ctx.flush();
    }

    void sendAndFlush(OftpCommand command) {
        send(command);
        flush();
    }

    /** Ends the session with ESID (RFC 5024 §5.3.11) and closes once the partner has had time to read it. */
    void end(EsidReason reason, String text) {
        if (ended) {
            return;
        }
        ended = true;
        // ESIDREAST holds at most 999 octets; a shorter cap keeps even multi-octet characters inside it.
        Esid esid = new Esid(reason, text.length() > MAX_ESID_TEXT ? text.substring(0, MAX_ESID_TEXT) : text);
        record.esidSent(esid);
        if (reason == EsidReason.NORMAL_TERMINATION) {
            LOG.info("{} ending the session normally", logPrefix);
        } else {
            LOG.warn("{} ending the session: ESID {} {}", logPrefix, twoDigits(reason), text);
        }
        LOG.debug("{} sent {}", logPrefix, esid);
        ctx.writeAndFlush(esid).addListener(this::onWriteDone);
        // The partner closes on ESID; if it does not, this side closes after the grace period.
        ctx.channel().eventLoop().schedule(() -> ctx.close(), ESID_CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the session for a violation this peer detected. */
    void end(OftpProtocolException violation) {
        end(violation.reason(), violation.getMessage());
    }

    /** The partner sent ESID: the session is over and this side closes (RFC 5024 §4.7). */
    void endedByPartner(Esid esid) {
        ended = true;
        record.esidReceived(esid);
        if (esid.reason() == EsidReason.NORMAL_TERMINATION) {
            LOG.info("{} partner ended the session normally", logPrefix);
        } else {
            LOG.warn("{} partner ended the session: ESID {} {}", logPrefix, twoDigits(esid.reason()), esid.text());
        }
        ctx.close();
    }

    /** Whether a failure of the connection has been recorded already. */
    boolean hasFailed() {
        return record.hasFailure();
    }

    /** The connection failed without ESID: records why and closes. */
    void failed(String description) {
        record.failure(description);
        ctx.close();
    }

    private static String twoDigits(EsidReason reason) {
        return String.format("%02d", reason.code());
    }

    /** Runs on the event loop: the failure is recorded on the session's executor, like everything else. */
    private void onWriteDone(Future<? super Void> future) {
        if (!future.isSuccess()) {
            Throwable cause = future.cause();
            ctx.close();
            executor.execute(() -> {
                // Writes queued behind the first failure fail too; one warning is enough.
                if (record.hasFailure()) {
                    LOG.debug("{} write failed: {}", logPrefix, cause.toString());
                } else {
                    LOG.warn("{} write failed: {}", logPrefix, cause.toString());
                }
                record.failure("write failed: " + cause);
            });
        }
    }
}
