package org.portcullis.oftp2.peer;

import org.portcullis.oftp2.command.OftpCommand;

/**
 * Feeds every command this peer sends and receives through the session rules (RFC 5024 §9), so that a
 * partner's violation, or a bug of this peer, ends the session with the ESID reason the rules name.
 */
final class PeerRules {
    private final Role role;

    PeerRules(Role role) {
        this.role = role;
    }

    /** @throws org.portcullis.oftp2.OftpProtocolException when the partner may not send this now */
    void received(OftpCommand command) {
        observe(role == Role.INITIATOR ? Role.RESPONDER : Role.INITIATOR, command);
    }

    /** @throws org.portcullis.oftp2.OftpProtocolException when this peer may not send this now */
    void sent(OftpCommand command) {
        observe(role, command);
    }

    private void observe(Role sender, OftpCommand command) {
        // Wired to the session rules of org.portcullis.oftp2.session once that package is merged.
    }
}
