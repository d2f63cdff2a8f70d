package org.portcullis.oftp2.peer;

import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Ssid;

/**
 * What the two SSIDs agreed (RFC 5024 §5.3.2): the Responder's answer carries the lower buffer size and
 * credit, and restart holds only if both asked for it.
 *
 * @param bufferSize    SSIDSDEB: the largest exchange buffer, counting the command octet
 * @param credit        SSIDCRED: DATA buffers the Speaker may send before it waits for CDT
 * @param restart       whether SFIDREST may be non-zero
 * @param ownMode       this peer's SSIDSR
 * @param partnerMode   the partner's SSIDSR
 */
record Negotiated(int bufferSize, int credit, boolean restart, SendReceiveMode ownMode,
        SendReceiveMode partnerMode) {

    /** The agreement as the Initiator reads it from its own SSID and the Responder's answer. */
    static Negotiated of(Ssid own, Ssid partner, Ssid responderAnswer) {
        Ssid initiator = responderAnswer == partner ? own : partner;
        return new Negotiated(responderAnswer.bufferSize(), responderAnswer.credit(),
                initiator.restart() && responderAnswer.restart(), own.mode(), partner.mode());
    }

    /** Whether this peer may send files: it offered to send and the partner offered to receive. */
    boolean maySendFiles() {
        return ownMode != SendReceiveMode.RECEIVER_ONLY && partnerMode != SendReceiveMode.SENDER_ONLY;
    }
}
