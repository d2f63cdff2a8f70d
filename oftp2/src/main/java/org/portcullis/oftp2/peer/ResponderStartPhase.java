package org.portcullis.oftp2.peer;

import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;

/**
 * The Responder's start phase (RFC 5024 §4.2, §5.3.1, §5.3.2): send SSRM, check the Initiator's SSID,
 * answer with an SSID carrying the lower buffer size and credit, then listen.
 */
final class ResponderStartPhase implements Phase {
    private final PeerSession session;

    ResponderStartPhase(PeerSession session) {
        this.session = session;
    }

    @Override
    public void begin() {
        session.sendAndFlush(Ssrm.INSTANCE);
    }

    @Override
    public void onCommand(OftpCommand command) throws java.io.IOException {
        if (!(command instanceof Ssid initiator)) {
            throw new OftpProtocolException(EsidReason.PROTOCOL_VIOLATION, null,
                    command.commandCode() + " is not expected in the start phase");
        }
        PeerConfig config = session.config();
        PartnerCheck.check(config, initiator);
        SendReceiveMode mode = answeringMode(initiator.mode());
        Ssid answer = Ssid.builder().odetteId(config.odetteId()).password(config.password())
                .bufferSize(Math.min(config.bufferSize(), initiator.bufferSize()))
                .credit(Math.min(config.credit(), initiator.credit())).mode(mode).restart(initiator.restart())
                .build();
        session.sendAndFlush(answer);
        session.started(initiator.odetteId());
        session.enter(new ListenerPhase(session));
    }

    /** The SSIDSR that fits the Initiator's: it sends, so this peer receives, and the other way round. */
    private SendReceiveMode answeringMode(SendReceiveMode initiatorMode) {
        boolean canReceive = session.config().receiveDir() != null;
        return switch (initiatorMode) {
            case SENDER_ONLY -> {
                if (!canReceive) {
                    throw new OftpProtocolException(EsidReason.MODE_OR_CAPABILITIES_INCOMPATIBLE, "SSIDSR",
                            "the partner only sends, and this peer has no receive folder");
                }
                yield SendReceiveMode.RECEIVER_ONLY;
            }
            case RECEIVER_ONLY -> SendReceiveMode.SENDER_ONLY;
            case BOTH -> SendReceiveMode.BOTH;
        };
    }
}
