package org.portcullis.oftp2.peer;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Cdt;
import org.portcullis.oftp2.command.Efid;
import org.portcullis.oftp2.command.Efna;
import org.portcullis.oftp2.command.Efpa;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Sfid;
import org.portcullis.oftp2.command.Sfna;
import org.portcullis.oftp2.command.Sfpa;
import org.portcullis.oftp2.command.SubrecordWriter;

/**
 * Sends one file as Speaker (RFC 5024 §4.3.3 to §4.3.5): SFID, then DATA within the credit window,
 * read with a FileChannel into pooled buffers while the channel is writable, then EFID. It tracks the
 * position the Listener confirmed with CDT, from which a cut transfer resumes (§5.3.3 SFIDREST).
 */
final class FileSender {
    private static final Logger LOG = LogManager.getLogger();

    private enum State { WAIT_SFPA, SENDING, WAIT_EFPA, DONE }

    private final PeerSession session;
    private final OutgoingFile file;
    /** The file position after each DATA that no CDT has confirmed yet, oldest first. */
    private final ArrayDeque<Long> unconfirmed = new ArrayDeque<>();
    private State state = State.WAIT_SFPA;
    private FileChannel channel;
    private SubrecordWriter writer;
    private long restartOffset;
    private long position;
    private long confirmed;
    private int credit;
    private boolean lastDataSent;

    FileSender(PeerSession session, OutgoingFile file) {
        this.session = session;
        this.file = file;
    }

    void start() {
        long restartBlocks = session.negotiated().restart() ? file.restartBlocks() : 0;
        Sfid sfid = Sfid.builder().datasetName(file.datasetName()).date(file.date()).time(file.time())
                .destination(session.partnerId()).originator(session.config().odetteId())
                .fileSize(file.sizeBlocks()).originalSize(file.sizeBlocks()).restartPosition(restartBlocks)
                .build();
        session.sendAndFlush(sfid);
    }

    /** Handles the Listener's answer; returns true when this file is finished, well or not. */
    boolean onCommand(OftpCommand command) throws IOException {
        if (command instanceof Sfpa sfpa && state == State.WAIT_SFPA) {
            accepted(sfpa);
        } else if (command instanceof Cdt && state == State.SENDING) {
            confirmWindow();
            credit = session.negotiated().credit();
            pump();
        } else if (command instanceof Sfna sfna && state == State.WAIT_SFPA) {
            finish(false, String.format("SFNA %02d %s", sfna.reason().code(), sfna.text()));
        } else if (command instanceof Efpa && state == State.WAIT_EFPA) {
            session.outbox().transferred(file.datasetName());
            finish(true, null);
        } else if (command instanceof Efna efna && state == State.WAIT_EFPA) {
            session.outbox().transferred(file.datasetName());
            finish(false, String.format("EFNA %02d %s", efna.reason().code(), efna.text()));
        } else {
            throw new OftpProtocolException(EsidReason.PROTOCOL_VIOLATION, null,
                    command.commandCode() + " is not expected while sending " + file.datasetName());
        }
        return state == State.DONE;
    }

    /** Sends DATA while credit is left and the channel is writable, and EFID after the last DATA. */
    void pump() throws IOException {
        while (state == State.SENDING && credit > 0 && session.ctx().channel().isWritable()) {
            if (lastDataSent) {
                session.send(new Efid(0, file.size()));
                state = State.WAIT_EFPA;
                break;
            }
            int octets = (int) Math.min(writer.capacity(), file.size() - position);
            session.send(writer.write(read(octets), position + octets == file.size()));
            position += octets;
            lastDataSent = position == file.size();
            credit--;
            unconfirmed.add(position);
        }
        session.flush();
    }

    /**
     * Reads the next octets into the session's scratch buffer with as few system calls as the file allows.
     * The packer then reads this plain NIO buffer, which no leak detector records access by access.
     */
    private ByteBuffer read(int octets) throws IOException {
        ByteBuffer chunk = session.scratch().limit(octets);
        while (chunk.hasRemaining()) {
            if (channel.read(chunk, position + chunk.position()) < 0) {
                throw new EOFException(file.datasetName() + " became shorter while it was sent");
            }
        }
        return chunk.flip();
    }

    /** The connection is gone: remember the confirmed position for the next session. */
    void abandon() {
        if (state == State.SENDING || state == State.WAIT_EFPA) {
            try {
                session.outbox().interrupted(file, confirmed);
                LOG.info("{} transfer of {} cut at octet {}; {} octets confirmed for a restart", session.log(),
                        file.datasetName(), position, confirmed);
            } catch (IOException e) {
                LOG.warn("{} cannot save the restart state of {}: {}", session.log(), file.datasetName(),
                        e.toString());
            }
            finish(false, "interrupted");
        }
        closeFile();
    }

    private void accepted(Sfpa sfpa) throws IOException {
        long requested = session.negotiated().restart() ? file.restartBlocks() : 0;
        if (sfpa.answerCount() > requested) {
            throw new OftpProtocolException(EsidReason.PROTOCOL_VIOLATION, "SFPAACNT",
                    "answer count " + sfpa.answerCount() + " exceeds the restart position " + requested);
        }
        restartOffset = sfpa.answerCount() * 1024;
        position = restartOffset;
        confirmed = restartOffset;
        channel = FileChannel.open(file.path(), StandardOpenOption.READ);
        writer = new SubrecordWriter(session.ctx().alloc(), session.negotiated().bufferSize());
        credit = session.negotiated().credit();
        state = State.SENDING;
        if (restartOffset > 0) {
            LOG.info("{} resuming {} at octet {}", session.log(), file.datasetName(), restartOffset);
        }
        pump();
    }

    /** A CDT confirms the window of DATA sent before it: the Listener has taken them. */
    private void confirmWindow() {
        for (int i = session.negotiated().credit(); i > 0 && !unconfirmed.isEmpty(); i--) {
            confirmed = unconfirmed.poll();
        }
    }

    private void finish(boolean complete, String refusal) {
        state = State.DONE;
        closeFile();
        session.record().add(new FileTransfer(file.datasetName(), FileTransfer.Direction.SENT,
                position - restartOffset, restartOffset, complete, false, refusal));
        if (complete) {
            LOG.info("{} sent {} ({} octets)", session.log(), file.datasetName(), file.size());
        } else {
            LOG.warn("{} sending {} failed: {}", session.log(), file.datasetName(), refusal);
        }
    }

    private void closeFile() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("{} closing {}: {}", session.log(), file.datasetName(), e.toString());
            }
            channel = null;
        }
    }
}
