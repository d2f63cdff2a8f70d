package org.portcullis.oftp2.peer;

import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;

/**
 * The Initiator's start phase (RFC 5024 §4.2, §5.3.1, §5.3.2): wait for SSRM, send SSID, check the
 * Responder's SSID, then speak first.
 */
final class InitiatorStartPhase implements Phase {
    private final PeerSession session;
    private Ssid own;

    InitiatorStartPhase(PeerSession session) {
        this.session = session;
    }

    @Override
    public void begin() {
        // The Responder speaks first with SSRM.
    }

    @Override
    public void onCommand(OftpCommand command) throws java.io.IOException {
        if (command instanceof Ssrm && own == null) {
            PeerConfig config = session.config();
            own = Ssid.builder().odetteId(config.odetteId()).password(config.password())
                    .bufferSize(config.bufferSize()).credit(config.credit()).mode(config.mode()).restart(true)
                    .build();
            session.sendAndFlush(own);
        } else if (command instanceof Ssid answer && own != null) {
            PartnerCheck.check(session.config(), answer);
            session.started(answer.odetteId());
            session.enter(new SpeakerPhase(session, false));
        } else {
            throw new OftpProtocolException(EsidReason.PROTOCOL_VIOLATION, null,
                    command.commandCode() + " is not expected in the start phase");
        }
    }
}
