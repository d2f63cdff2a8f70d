package org.portcullis.oftp2.peer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.oftp2.command.AnswerReason;
import org.portcullis.oftp2.command.Cdt;
import org.portcullis.oftp2.command.Data;
import org.portcullis.oftp2.command.Efid;
import org.portcullis.oftp2.command.Efna;
import org.portcullis.oftp2.command.Efpa;
import org.portcullis.oftp2.command.SubrecordReader;

/**
 * Receives one file as Listener (RFC 5024 §4.3.4, §4.3.5, §5.3.6 to §5.3.10): writes each DATA's octets
 * to the partial file, sends CDT whenever the credit window is used up, and on EFID checks the octet
 * count, moves the file into place and answers EFPA (or EFNA 11 on a count mismatch).
 */
final class FileReceiver {
    private static final Logger LOG = LogManager.getLogger();

    private final PeerSession session;
    private final IncomingFile file;
    private int window;
    private boolean open = true;

    FileReceiver(PeerSession session, IncomingFile file) {
        this.session = session;
        this.file = file;
        this.window = session.negotiated().credit();
    }

    /** Writes the octets of one DATA (which the caller releases) and grants new credit when due. */
    void onData(Data data) throws IOException {
        // Unpacking reads and writes a few octets per subrecord. It works on plain NIO views of the
        // buffers (taken with one call each), which no leak detector records access by access.
        Data view = new Data(Unpooled.wrappedBuffer(data.content().nioBuffer()));
        // Uncompressed octets fit the scratch buffer (the session rules hold DATA to SDEB); compressed
        // ones, which this peer never agrees to but accepts, may expand, so they get a growing buffer.
        ByteBuf octets = data.compressed() ? session.ctx().alloc().directBuffer(data.length())
                : Unpooled.wrappedBuffer(session.scratch()).clear();
        try {
            SubrecordReader.read(view, octets);
            file.write(octets);
        } finally {
            view.release();
            octets.release();
        }
        if (--window == 0) {
            window = session.negotiated().credit();
            session.sendAndFlush(Cdt.INSTANCE);
        }
    }

    void onEfid(Efid efid) throws IOException {
        long length = file.length();
        String name = file.sfid().datasetName();
        open = false;
        if (efid.unitCount() != length) {
            file.discard();
            String text = "EFIDUCNT " + efid.unitCount() + " but " + length + " octets received";
            record(length, false, "EFNA 11 " + text);
            LOG.warn("{} refusing {}: {}", session.log(), name, text);
            session.sendAndFlush(new Efna(AnswerReason.INVALID_BYTE_COUNT, text));
            return;
        }
        file.commit();
        session.receipts().owe(file.sfid());
        record(length, true, null);
        LOG.info("{} received {} ({} octets)", session.log(), name, length);
        session.sendAndFlush(new Efpa(false));
    }

    /** The connection is gone: the partial file and its sidecar stay for a restart. */
    void abandon() {
        if (!open) {
            return;
        }
        open = false;
        try {
            record(file.length(), false, "interrupted");
            file.close();
        } catch (IOException e) {
            LOG.warn("{} closing the partial file of {}: {}", session.log(), file.sfid().datasetName(),
                    e.toString());
        }
    }

    private void record(long length, boolean complete, String refusal) {
        session.record().add(new FileTransfer(file.sfid().datasetName(), FileTransfer.Direction.RECEIVED,
                Math.max(0, length - file.restartOffset()), file.restartOffset(), complete, false, refusal));
    }
}
