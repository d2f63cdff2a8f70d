package org.portcullis.oftp2.session;

import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Ssid;

/**
 * Compares the Initiator's SSID with the Responder's and works out what they agreed (RFC 5024 §4.2,
 * §5.3.2, §9.8 predicates P2 and P8). Only OFTP 2.0 (SSIDLEV 5) is accepted: this library refuses
 * 1.x, and RFC 5024 has no reason code for that, so ESID 10 is used.
 */
final class Negotiation {
    /** SSIDLEV of OFTP 2.0. */
    static final int OFTP2_LEVEL = 5;

    private Negotiation() {
    }

    /** Checks what one SSID must satisfy on its own, as soon as it is seen. */
    static void checkAlone(Party sender, Ssid ssid) {
        if (ssid.level() != OFTP2_LEVEL) {
            throw Violations.incompatible("SSIDLEV", "the " + sender + " asked for level " + ssid.level()
                    + ", but only OFTP 2.0 (level 5) is supported");
        }
        if (ssid.specialLogic()) {
            throw Violations.incompatible("SSIDSPEC", "the " + sender
                    + " asked for special logic, which is not used over TCP (RFC 5024 §5.3.2)");
        }
    }

    /** The agreed session, or the fault that makes the two SSIDs incompatible. */
    static NegotiatedSession agree(Ssid initiator, Ssid responder) {
        if (responder.bufferSize() > initiator.bufferSize()) {
            throw Violations.protocol("SSIDSDEB", "the Responder answered " + responder.bufferSize()
                    + ", more than the Initiator's " + initiator.bufferSize());
        }
        if (responder.credit() > initiator.credit()) {
            throw Violations.protocol("SSIDCRED", "the Responder answered " + responder.credit()
                    + ", more than the Initiator's " + initiator.credit());
        }
        checkModes(initiator.mode(), responder.mode());
        if (initiator.secureAuthentication() != responder.secureAuthentication()) {
            throw new OftpProtocolException(EsidReason.SECURE_AUTHENTICATION_REQUIREMENTS_INCOMPATIBLE, "SSIDAUTH",
                    "the Initiator said " + yesNo(initiator.secureAuthentication()) + ", the Responder "
                            + yesNo(responder.secureAuthentication()));
        }
        return new NegotiatedSession(responder.bufferSize(), responder.credit(),
                initiator.restart() && responder.restart(), initiator.compression() && responder.compression(),
                responder.secureAuthentication(), initiator.mode(), responder.mode());
    }

    private static void checkModes(SendReceiveMode initiator, SendReceiveMode responder) {
        if (initiator == responder && initiator != SendReceiveMode.BOTH) {
            throw Violations.incompatible("SSIDSR", "both parties said " + initiator.letter()
                    + ", so no file can go either way");
        }
    }

    private static char yesNo(boolean flag) {
        return flag ? 'Y' : 'N';
    }
}
