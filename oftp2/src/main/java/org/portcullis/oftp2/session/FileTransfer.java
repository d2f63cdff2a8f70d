package org.portcullis.oftp2.session;

import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Data;
import org.portcullis.oftp2.command.Efpa;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Sfid;
import org.portcullis.oftp2.command.Sfpa;

/**
 * The Speaker and Listener rules after start-up: files, credit, end responses and the turn
 * (RFC 5024 §4.3 to §4.6 and the state tables of §9.10 to §9.12). ESID is left to the caller.
 *
 * <p>Choices where the RFC's text and tables leave room: EERP and NERP are not pipelined, each waits
 * for its RTR (§4.3.8, WF_RTR in §9.10, RTRP in §9.12); ESID 00 may follow any CD (§4.6.1 shows it
 * after the CD that EFPA asked for), but CD straight back only follows a CD that EFPA asked for.
 */
final class FileTransfer {

    /** What the Speaker is doing; the comments name the Speaker states of RFC 5024 §9.10 and §9.11. */
    enum State {
        /** IDLESP, IDLESPCD. */
        IDLE("while the Speaker is idle"),
        /** OPOP. */
        START_FILE_PENDING("while SFID awaits SFPA or SFNA"),
        /** OPO, or OPOWFC when the credit is 0. */
        SENDING("while a file is open"),
        /** CLOP. */
        END_FILE_PENDING("while EFID awaits EFPA or EFNA"),
        /** The Speaker got EFPA with CD=Y and must answer CD. */
        CHANGE_DIRECTION_DUE("while CD is due after EFPA asked for it"),
        /** WF_RTR. */
        RTR_PENDING("while EERP or NERP awaits RTR");

        private final String description;

        State(String description) {
            this.description = description;
        }
    }

    private final NegotiatedSession agreed;
    private Party speaker = Party.INITIATOR;
    private State state = State.IDLE;
    private int credit;
    private long restartPosition;
    /** The Speaker got the turn by CD and has sent nothing since (IDLESPCD): it may end the session. */
    private boolean turnJustChanged;
    /** The CD was not asked for by EFPA, so CD straight back is an error (§9.12: CD in IDLELICD). */
    private boolean turnChangeUnsolicited;

    FileTransfer(NegotiatedSession agreed) {
        this.agreed = agreed;
    }

    void observe(Party sender, OftpCommand command) {
        if (sender == speaker) {
            fromSpeaker(command);
        } else {
            fromListener(command);
        }
    }

    private void fromSpeaker(OftpCommand command) {
        switch (command.commandCode()) {
            case SFID -> startFile((Sfid) command);
            case DATA -> data((Data) command);
            case EFID -> endFile(command);
            case EERP, NERP -> {
                require(speaker, State.IDLE, command);
                state = State.RTR_PENDING;
            }
            case CD -> {
                changeDirection(command);
                return;
            }
            default -> throw refused(speaker, command);
        }
        turnJustChanged = false;
    }

    private void fromListener(OftpCommand command) {
        switch (command.commandCode()) {
            case SFPA -> acceptFile((Sfpa) command);
            case SFNA -> answered(State.START_FILE_PENDING, command);
            case CDT -> setCredit(command);
            case EFPA -> {
                require(speaker.other(), State.END_FILE_PENDING, command);
                state = ((Efpa) command).changeDirection() ? State.CHANGE_DIRECTION_DUE : State.IDLE;
            }
            case EFNA -> answered(State.END_FILE_PENDING, command);
            case RTR -> answered(State.RTR_PENDING, command);
            default -> throw refused(speaker.other(), command);
        }
    }

    private void startFile(Sfid sfid) {
        require(speaker, State.IDLE, sfid);
        // RFC 5024 §9.10 and §9.12, predicate P1: a receiver-only party sends no file, a sender-only one takes none.
        if (agreed.mode(speaker) == SendReceiveMode.RECEIVER_ONLY) {
            throw Violations.protocol("SSIDSR", "SFID from the " + speaker + ", which said it only receives");
        }
        if (agreed.mode(speaker.other()) == SendReceiveMode.SENDER_ONLY) {
            throw Violations.protocol("SSIDSR", "SFID to the " + speaker.other() + ", which said it only sends");
        }
        if (sfid.restartPosition() != 0 && !agreed.restart()) {
            throw Violations.invalidData("SFIDREST", "restart position " + sfid.restartPosition()
                    + ", but restart was not agreed");
        }
        restartPosition = sfid.restartPosition();
        state = State.START_FILE_PENDING;
    }

    private void acceptFile(Sfpa sfpa) {
        require(speaker.other(), State.START_FILE_PENDING, sfpa);
        if (sfpa.answerCount() > restartPosition) {
            throw Violations.protocol("SFPAACNT", "SFPA restarts at " + sfpa.answerCount()
                    + ", beyond the " + restartPosition + " the SFID asked for");
        }
        // SFPA acts as an implicit CDT (RFC 5024 §4.4.1).
        credit = agreed.credit();
        state = State.SENDING;
    }

    private void data(Data data) {
        require(speaker, State.SENDING, data);
        if (credit == 0) {
            throw Violations.protocol("DATA with no credit left");
        }
        if (data.length() > agreed.bufferSize()) {
            throw new OftpProtocolException(EsidReason.EXCHANGE_BUFFER_SIZE_ERROR, "DATA", "DATA of " + data.length()
                    + " octets, more than the agreed buffer size of " + agreed.bufferSize());
        }
        if (data.compressed() && !agreed.compression()) {
            throw Violations.invalidData("DATA", "a compressed subrecord, but compression was not agreed");
        }
        credit--;
    }

    private void setCredit(OftpCommand cdt) {
        require(speaker.other(), State.SENDING, cdt);
        if (credit != 0) {
            throw Violations.protocol("CDT while the Speaker still has " + credit + " credit left");
        }
        credit = agreed.credit();
    }

    private void endFile(OftpCommand efid) {
        require(speaker, State.SENDING, efid);
        if (credit == 0) {
            // RFC 5024 §9.11 note 1: no EFID in OPOWFC, so that the protocol stays half duplex.
            throw Violations.protocol("EFID with no credit left (CDT is due first)");
        }
        credit = 0;
        state = State.END_FILE_PENDING;
    }

    private void answered(State awaited, OftpCommand answer) {
        require(speaker.other(), awaited, answer);
        state = State.IDLE;
    }

    private void changeDirection(OftpCommand cd) {
        boolean solicited = state == State.CHANGE_DIRECTION_DUE;
        if (!solicited) {
            require(speaker, State.IDLE, cd);
            if (turnJustChanged && turnChangeUnsolicited) {
                throw Violations.protocol("CD straight back from the " + speaker + ", which has just received CD");
            }
        }
        speaker = speaker.other();
        state = State.IDLE;
        turnJustChanged = true;
        turnChangeUnsolicited = !solicited;
    }

    private void require(Party sender, State wanted, OftpCommand command) {
        if (state != wanted) {
            throw refused(sender, command);
        }
    }

    private OftpProtocolException refused(Party sender, OftpCommand command) {
        String role = sender == speaker ? "the Speaker" : "the Listener";
        return Violations.protocol(command.commandCode() + " from " + role + " (" + sender + ") " + state.description);
    }

    /** Whether {@code sender} may end the session normally: it is the Speaker and has just got the turn by CD. */
    boolean normalEndAllowed(Party sender) {
        return sender == speaker && state == State.IDLE && turnJustChanged;
    }

    Party speaker() {
        return speaker;
    }

    int creditLeft() {
        return credit;
    }
}
