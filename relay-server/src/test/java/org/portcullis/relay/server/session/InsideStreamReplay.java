package org.portcullis.relay.server.session;

import io.netty.util.ReferenceCountUtil;
import java.util.Arrays;
import org.portcullis.daemon.control.SessionTag;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;
import org.portcullis.oftp2.frame.StbHeader;
import org.portcullis.oftp2.session.Party;
import org.portcullis.testkit.TrackingByteBufAllocator;

/**
 * Replays one fuzz input as the octets the inside daemon sends down a link stream in an incoming session
 * (RFC 5024 §8.2, §5.3, §9), the way {@link RelayHandler} reads them: in chunks of the chosen size into a
 * {@link StbFrameAccumulator} with the relay's parser, each command shown to the session's
 * {@link SessionInspector} and framed again for the partner ({@link StbFrames}), until the first protocol fault.
 * The partner has already sent its SSID, and the relay the SSRM. Broken invariants escape as findings: an
 * exception other than an {@link OftpProtocolException} with its ESID reason, the accumulator holding a whole
 * frame's worth of octets, a buffer not released at the end.
 *
 * <p>Layout: octet 0 chooses the chunk size ({@link #READ_SIZES}, larger when the octets would take more than
 * {@link #MAX_READS} chunks); the rest is the inside's stream.
 */
final class InsideStreamReplay {
    static final int[] READ_SIZES = {Integer.MAX_VALUE, 1, 2, 3, 5, 17, 256, 4099};
    static final int MAX_READS = 64;
    private static final SessionTag LOG = SessionTag.of("fuzz");
    private static final Ssid PARTNER_SSID = Ssid.builder().odetteId("O0013000000PARTNER").bufferSize(4096).build();

    private final TrackingByteBufAllocator allocator = new TrackingByteBufAllocator();
    private final SessionInspector inspector = new SessionInspector(Party.INITIATOR);
    private final StbFrameAccumulator accumulator =
            new StbFrameAccumulator(allocator, new CommandParser(SessionInspector.PARSE_MODE));
    private final int readSize;
    private final byte[] stream;
    private int commands;

    InsideStreamReplay(byte[] data) {
        int flags = data.length > 0 ? data[0] & 0xFF : 0;
        this.readSize = Math.max(READ_SIZES[flags & 7], (data.length + MAX_READS - 1) / MAX_READS);
        this.stream = Arrays.copyOfRange(data, Math.min(1, data.length), data.length);
    }

    /** Returns the number of commands that passed before the end of the input or the first fault. */
    int run() {
        inspector.fromInside(LOG, Ssrm.INSTANCE);
        inspector.fromPartner(LOG, PARTNER_SSID);
        try {
            feed();
        } finally {
            accumulator.close();
        }
        int unreleased = allocator.unreleased();
        if (unreleased != 0) {
            throw new AssertionError(unreleased + " buffers were not released");
        }
        return commands;
    }

    private void feed() {
        for (int offset = 0; offset < stream.length; offset += readSize) {
            accumulator.add(allocator.copyOf(stream, offset, Math.min(readSize, stream.length - offset)));
            try {
                for (OftpCommand command; (command = accumulator.next()) != null; ) {
                    passOn(command);
                }
            } catch (OftpProtocolException fault) {
                if (fault.reason() == null) {
                    throw new AssertionError("a protocol fault without an ESID reason", fault);
                }
                return;
            }
            if (accumulator.buffered() >= StbHeader.MAX_FRAME_LENGTH) {
                throw new AssertionError("the accumulator holds " + accumulator.buffered() + " octets");
            }
        }
    }

    private void passOn(OftpCommand command) {
        try {
            inspector.fromInside(LOG, command);
            commands++;
            StbFrames.encode(allocator, command).release();
        } finally {
            ReferenceCountUtil.release(command);
        }
    }
}
