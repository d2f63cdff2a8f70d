package org.portcullis.oftp2.session;

import java.util.Objects;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.OftpCommand;

/**
 * Follows one OFTP 2.0 session command by command and refuses the first one the protocol does not
 * allow (RFC 5024 §4 and the state tables of §9). It serves a peer that follows its own session (it
 * observes what it sends before sending, and what it receives) as well as a relay that observes both
 * directions from the middle, in the order seen. Not thread-safe: use it from one event loop.
 *
 * <p>After a violation or an ESID the session is over and every further command is refused with
 * ESID 02.
 */
public final class SessionRules {
    private final SessionStart start = new SessionStart();
    private FileTransfer transfer;
    private boolean ended;

    /**
     * Checks the next command of the session. The caller keeps ownership of {@code command} (a
     * {@link org.portcullis.oftp2.command.Data} is neither retained nor released here).
     *
     * @param sender who sent it
     * @throws OftpProtocolException with the ESID reason RFC 5024 prescribes, for the first violation
     *                               and for every command after the session ended
     */
    public void observe(Party sender, OftpCommand command) {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(command, "command");
        if (ended) {
            throw Violations.protocol(command.commandCode() + " from the " + sender + " after the session ended");
        }
        try {
            check(sender, command);
        } catch (OftpProtocolException violation) {
            ended = true;
            throw violation;
        }
    }

    private void check(Party sender, OftpCommand command) {
        if (command instanceof Esid esid) {
            endSession(sender, esid);
        } else if (transfer != null) {
            transfer.observe(sender, command);
        } else if (start.observe(sender, command)) {
            transfer = new FileTransfer(start.agreed());
        }
    }

    /** An abnormal end may come from either side at any time; a normal one only as RFC 5024 §4.6 allows. */
    private void endSession(Party sender, Esid esid) {
        if (esid.reason() == EsidReason.NORMAL_TERMINATION
                && (transfer == null || !transfer.normalEndAllowed(sender))) {
            throw Violations.protocol("ESID 00 from the " + sender
                    + ", which is not the Speaker that has just received CD");
        }
        ended = true;
    }

    /** What the SSIDs agreed, or {@code null} before the Responder's SSID was seen. */
    public NegotiatedSession negotiated() {
        return start.agreed();
    }

    /** The party whose turn it is, or {@code null} before start-up is complete. */
    public Party speaker() {
        return transfer == null ? null : transfer.speaker();
    }

    /** The DATA buffers the Speaker may still send before it needs CDT; 0 when no file is open. */
    public int creditLeft() {
        return transfer == null ? 0 : transfer.creditLeft();
    }

    /** True once ESID was seen or a violation ended the session. */
    public boolean ended() {
        return ended;
    }

    public SessionPhase phase() {
        return ended ? SessionPhase.ENDED : start.phase();
    }
}
