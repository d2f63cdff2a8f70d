package org.portcullis.oftp2.peer;

import org.portcullis.oftp2.command.SendReceiveMode;

/**
 * What the two SSIDs agreed (RFC 5024 §5.3.2), seen from this peer: the session rules' agreement plus
 * which of the two modes is this peer's.
 *
 * @param bufferSize    SSIDSDEB: the largest exchange buffer, counting the command octet
 * @param credit        SSIDCRED: DATA buffers the Speaker may send before it waits for CDT
 * @param restart       whether SFIDREST may be non-zero
 * @param ownMode       this peer's SSIDSR
 * @param partnerMode   the partner's SSIDSR
 */
record Negotiated(int bufferSize, int credit, boolean restart, SendReceiveMode ownMode,
        SendReceiveMode partnerMode) {

    /** Whether this peer may send files: it offered to send and the partner offered to receive. */
    boolean maySendFiles() {
        return ownMode != SendReceiveMode.RECEIVER_ONLY && partnerMode != SendReceiveMode.SENDER_ONLY;
    }
}
