package org.portcullis.relay.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import org.portcullis.oftp2.command.CommandCode;
import org.portcullis.oftp2.command.Data;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.frame.StbHeader;

/** Writes a command as one Stream Transmission Buffer (RFC 5024 §8.2) for a link stream. */
public final class StbFrames {
    private StbFrames() {
    }

    /**
     * The frame of {@code command}. The caller keeps ownership of the command; the subrecords of a DATA are
     * not copied: the frame holds its own reference to them.
     */
    public static ByteBuf encode(ByteBufAllocator alloc, OftpCommand command) {
        if (command instanceof Data data) {
            ByteBuf head = alloc.buffer(StbHeader.LENGTH + 1);
            StbHeader.write(head, data.length());
            head.writeByte(CommandCode.DATA.octet());
            CompositeByteBuf frame = alloc.compositeBuffer(2);
            frame.addComponents(true, head, data.content().retainedDuplicate());
            return frame;
        }
        ByteBuf frame = alloc.buffer();
        try {
            frame.writeZero(StbHeader.LENGTH);
            command.writeTo(frame);
            int length = frame.readableBytes() - StbHeader.LENGTH;
            frame.writerIndex(0);
            StbHeader.write(frame, length);
            frame.writerIndex(StbHeader.LENGTH + length);
            return frame;
        } catch (RuntimeException e) {
            frame.release();
            throw e;
        }
    }
}
