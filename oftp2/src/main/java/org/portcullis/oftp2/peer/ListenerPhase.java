package org.portcullis.oftp2.peer;

import java.io.IOException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.AnswerReason;
import org.portcullis.oftp2.command.Cd;
import org.portcullis.oftp2.command.Data;
import org.portcullis.oftp2.command.Eerp;
import org.portcullis.oftp2.command.Efid;
import org.portcullis.oftp2.command.Nerp;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Rtr;
import org.portcullis.oftp2.command.Sfid;
import org.portcullis.oftp2.command.Sfna;
import org.portcullis.oftp2.command.Sfpa;

/**
 * This peer as Listener (RFC 5024 §4.3): it accepts or refuses files, receives them, answers end-to-end
 * receipts with RTR, and takes the turn when the Speaker sends CD.
 */
final class ListenerPhase implements Phase {
    private static final Logger LOG = LogManager.getLogger();

    private final PeerSession session;
    private FileReceiver receiver;

    ListenerPhase(PeerSession session) {
        this.session = session;
    }

    @Override
    public void begin() {
        // The Speaker acts first.
    }

    @Override
    public void onCommand(OftpCommand command) throws IOException {
        if (command instanceof Sfid sfid && receiver == null) {
            onSfid(sfid);
        } else if (command instanceof Data data && receiver != null) {
            receiver.onData(data);
        } else if (command instanceof Efid efid && receiver != null) {
            FileReceiver finished = receiver;
            receiver = null;
            finished.onEfid(efid);
        } else if (command instanceof Eerp eerp && receiver == null) {
            onEerp(eerp);
        } else if (command instanceof Nerp nerp && receiver == null) {
            LOG.warn("{} partner could not deliver {}: NERP {} {}", session.log(), nerp.datasetName(),
                    nerp.reasonCode(), nerp.text());
            session.sendAndFlush(Rtr.INSTANCE);
        } else if (command instanceof Cd && receiver == null) {
            session.enter(new SpeakerPhase(session, true));
        } else {
            throw new OftpProtocolException(EsidReason.PROTOCOL_VIOLATION, null,
                    command.commandCode() + " is not expected from the Speaker now");
        }
    }

    @Override
    public void abandon() {
        if (receiver != null) {
            receiver.abandon();
            receiver = null;
        }
    }

    private void onSfid(Sfid sfid) throws IOException {
        Inbox inbox = session.inbox();
        Sfna refusal = inbox == null
                ? new Sfna(AnswerReason.FILE_DIRECTION_REFUSED, false, "this peer receives no files")
                : inbox.refusal(sfid);
        if (refusal != null) {
            LOG.warn("{} refusing {}: SFNA {} {}", session.log(), sfid.datasetName(),
                    String.format("%02d", refusal.reason().code()), refusal.text());
            session.record().add(new FileTransfer(sfid.datasetName(), FileTransfer.Direction.RECEIVED, 0, 0,
                    false, false, String.format("SFNA %02d %s", refusal.reason().code(), refusal.text())));
            session.sendAndFlush(refusal);
            return;
        }
        IncomingFile file = inbox.open(sfid, session.negotiated().restart());
        if (file.restartOffset() > 0) {
            LOG.info("{} resuming {} at octet {}", session.log(), sfid.datasetName(), file.restartOffset());
        }
        receiver = new FileReceiver(session, file);
        session.sendAndFlush(new Sfpa(file.restartOffset() / 1024));
    }

    /** The partner's receipt for a file this peer sent: it is delivered and leaves the send folder. */
    private void onEerp(Eerp eerp) throws IOException {
        boolean mine = eerp.destination().equalsIgnoreCase(session.config().odetteId());
        if (mine && session.outbox() != null && session.outbox().delivered(eerp.datasetName())) {
            session.record().delivered(eerp.datasetName(), FileTransfer.Direction.SENT);
            LOG.info("{} {} delivered (EERP received)", session.log(), eerp.datasetName());
        } else {
            LOG.info("{} EERP for {} matches no file waiting in the send folder", session.log(),
                    eerp.datasetName());
        }
        session.sendAndFlush(Rtr.INSTANCE);
    }
}
