package org.portcullis.oftp2.peer;

import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.session.NegotiatedSession;
import org.portcullis.oftp2.session.Party;
import org.portcullis.oftp2.session.SessionRules;

/**
 * Feeds every command this peer sends and receives through the session rules (RFC 5024 §9), so that a
 * partner's violation, or a bug of this peer, ends the session with the ESID reason the rules name.
 */
final class PeerRules {
    private final SessionRules rules = new SessionRules();
    private final Party self;

    PeerRules(Role role) {
        this.self = role == Role.INITIATOR ? Party.INITIATOR : Party.RESPONDER;
    }

    /** @throws org.portcullis.oftp2.OftpProtocolException when the partner may not send this now */
    void received(OftpCommand command) {
        rules.observe(self.other(), command);
    }

    /** @throws org.portcullis.oftp2.OftpProtocolException when this peer may not send this now */
    void sent(OftpCommand command) {
        rules.observe(self, command);
    }

    /** What the two SSIDs agreed, as this peer sees it; {@code null} before both were seen. */
    Negotiated negotiated() {
        NegotiatedSession agreed = rules.negotiated();
        return agreed == null ? null : new Negotiated(agreed.bufferSize(), agreed.credit(), agreed.restart(),
                agreed.mode(self), agreed.mode(self.other()));
    }
}
