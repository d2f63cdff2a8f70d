package org.portcullis.oftp2.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.portcullis.oftp2.command.CommandCode;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Ssid;

/**
 * The start-up of a session: SSRM, both SSIDs and, when both asked for it, secure authentication
 * (RFC 5024 §4.2, §9.8). Each step has exactly one sender and one command; anything else is ESID 02.
 */
final class SessionStart {
    /** One command that must come next, and from whom. */
    private record Step(Party sender, CommandCode code) {
        boolean matches(Party party, OftpCommand command) {
            return party == sender && command.commandCode() == code;
        }

        @Override
        public String toString() {
            return code + " from the " + sender;
        }
    }

    /** The order of RFC 5024 §4.2.1 and transitions D, G, I, J and K of §9.8. */
    private static final List<Step> AUTHENTICATION = List.of(
            new Step(Party.INITIATOR, CommandCode.SECD), new Step(Party.RESPONDER, CommandCode.AUCH),
            new Step(Party.INITIATOR, CommandCode.AURP), new Step(Party.RESPONDER, CommandCode.SECD),
            new Step(Party.INITIATOR, CommandCode.AUCH), new Step(Party.RESPONDER, CommandCode.AURP));

    private final Deque<Step> expected = new ArrayDeque<>(List.of(
            new Step(Party.RESPONDER, CommandCode.SSRM), new Step(Party.INITIATOR, CommandCode.SSID),
            new Step(Party.RESPONDER, CommandCode.SSID)));
    private Ssid initiatorSsid;
    private NegotiatedSession agreed;

    /**
     * Checks the next start-up command (never ESID: the caller handles that).
     *
     * @return whether start-up is now complete
     */
    boolean observe(Party sender, OftpCommand command) {
        Step step = expected.peek();
        if (step == null) {
            throw new IllegalStateException("start-up is already complete");
        }
        if (!step.matches(sender, command)) {
            throw Violations.protocol(command.commandCode() + " from the " + sender + " while waiting for " + step);
        }
        expected.remove();
        if (command instanceof Ssid ssid) {
            startSession(sender, ssid);
        }
        return expected.isEmpty();
    }

    private void startSession(Party sender, Ssid ssid) {
        Negotiation.checkAlone(sender, ssid);
        if (sender == Party.INITIATOR) {
            initiatorSsid = ssid;
            return;
        }
        agreed = Negotiation.agree(initiatorSsid, ssid);
        if (agreed.secureAuthentication()) {
            expected.addAll(AUTHENTICATION);
        }
    }

    /** What the two SSIDs agreed, or {@code null} before the Responder's SSID. */
    NegotiatedSession agreed() {
        return agreed;
    }

    /** The phase start-up is in; {@link SessionPhase#FILE_TRANSFER} once it is complete. */
    SessionPhase phase() {
        Step step = expected.peek();
        if (step == null) {
            return SessionPhase.FILE_TRANSFER;
        }
        if (step.code() == CommandCode.SSRM) {
            return SessionPhase.AWAITING_SSRM;
        }
        if (step.code() == CommandCode.SSID) {
            return step.sender() == Party.INITIATOR
                    ? SessionPhase.AWAITING_INITIATOR_SSID : SessionPhase.AWAITING_RESPONDER_SSID;
        }
        return SessionPhase.AUTHENTICATION;
    }
}
