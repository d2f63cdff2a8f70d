package org.portcullis.oftp2.peer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Cd;
import org.portcullis.oftp2.command.Eerp;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Rtr;

/**
 * This peer as Speaker (RFC 5024 §4.3, §4.5): it sends the end-to-end receipts it owes (EERP, each
 * answered by RTR) and its files, then hands the turn over with CD; with nothing to send right after
 * receiving CD it ends the session normally with ESID 00, as it may not hand the turn straight back (§9).
 */
final class SpeakerPhase implements Phase {
    private final PeerSession session;
    private final boolean turnByCd;
    /** What is left to do this turn: an {@link Eerp} to send or a {@link Path} of a file to send. */
    private final Deque<Object> agenda = new ArrayDeque<>();
    private boolean sentAnything;
    private FileSender sender;
    private Eerp awaitingRtr;

    SpeakerPhase(PeerSession session, boolean turnByCd) {
        this.session = session;
        this.turnByCd = turnByCd;
    }

    @Override
    public void begin() throws IOException {
        if (session.receipts() != null) {
            agenda.addAll(session.receipts().owedTo(session.partnerId()));
        }
        if (session.outbox() != null && session.negotiated().maySendFiles()) {
            for (Path file : session.outbox().files(session.log())) {
                if (session.firstAttempt(file.getFileName().toString())) {
                    agenda.add(file);
                }
            }
        }
        next();
    }

    @Override
    public void onCommand(OftpCommand command) throws IOException {
        if (command instanceof Rtr && awaitingRtr != null) {
            session.receipts().acknowledged(awaitingRtr);
            session.record().delivered(awaitingRtr.datasetName(), FileTransfer.Direction.RECEIVED);
            awaitingRtr = null;
            next();
        } else if (sender != null) {
            if (sender.onCommand(command)) {
                sender = null;
                next();
            }
        } else {
            throw new OftpProtocolException(EsidReason.PROTOCOL_VIOLATION, null,
                    command.commandCode() + " is not expected from the Listener now");
        }
    }

    @Override
    public void onWritable() throws IOException {
        if (sender != null) {
            sender.pump();
        }
    }

    @Override
    public void abandon() {
        if (sender != null) {
            sender.abandon();
            sender = null;
        }
    }

    private void next() throws IOException {
        Object item = agenda.poll();
        if (item == null) {
            finishTurn();
        } else if (item instanceof Eerp eerp) {
            sentAnything = true;
            awaitingRtr = eerp;
            session.sendAndFlush(eerp);
        } else {
            sentAnything = true;
            sender = new FileSender(session, session.outbox().prepare((Path) item));
            sender.start();
        }
    }

    private void finishTurn() throws IOException {
        if (turnByCd && !sentAnything) {
            session.end(EsidReason.NORMAL_TERMINATION, EsidReason.NORMAL_TERMINATION.text());
        } else {
            session.sendAndFlush(Cd.INSTANCE);
            session.enter(new ListenerPhase(session));
        }
    }
}
