package org.portcullis.oftp2.session;

import java.util.Objects;
import org.portcullis.oftp2.command.SendReceiveMode;

/**
 * What the two SSIDs agreed for the session (RFC 5024 §5.3.2, §9.8 predicate P2).
 *
 * @param bufferSize           the largest exchange buffer either side may send, command octet included (SSIDSDEB)
 * @param credit               the credit window: DATA buffers per SFPA or CDT (SSIDCRED)
 * @param restart              whether SFID may ask to restart a file (SSIDREST, both said Y)
 * @param compression          whether DATA may carry compressed subrecords (SSIDCMPR, both said Y)
 * @param secureAuthentication whether SECD, AUCH and AURP ran (SSIDAUTH)
 * @param initiatorMode        what the Initiator said it does (SSIDSR)
 * @param responderMode        what the Responder said it does (SSIDSR)
 */
public record NegotiatedSession(int bufferSize, int credit, boolean restart, boolean compression,
        boolean secureAuthentication, SendReceiveMode initiatorMode, SendReceiveMode responderMode) {

    public NegotiatedSession {
        Objects.requireNonNull(initiatorMode, "initiatorMode");
        Objects.requireNonNull(responderMode, "responderMode");
    }

    /** The send/receive mode a party declared in its SSID. */
    public SendReceiveMode mode(Party party) {
        return party == Party.INITIATOR ? initiatorMode : responderMode;
    }
}
