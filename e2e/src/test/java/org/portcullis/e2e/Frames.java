package org.portcullis.e2e;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.portcullis.oftp2.command.Data;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.frame.StbHeader;

/** Stream Transmission Buffers made by hand (RFC 5024 §8.2), for peers that break the rules on purpose. */
final class Frames {
    /** The largest subrecord of a DATA (RFC 5024 §6.1: a 6-bit count). */
    private static final int SUBRECORD = Data.COUNT_MASK;

    private Frames() {
    }

    /** A command's exchange buffer, without the header. */
    static byte[] exchangeBuffer(OftpCommand command) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            command.writeTo(buffer);
            return ByteBufUtil.getBytes(buffer);
        } finally {
            buffer.release();
        }
    }

    /** An exchange buffer behind its Stream Transmission Header. */
    static byte[] frame(byte[] exchangeBuffer) {
        ByteBuf buffer = Unpooled.buffer(StbHeader.LENGTH + exchangeBuffer.length);
        try {
            StbHeader.write(buffer, exchangeBuffer.length);
            buffer.writeBytes(exchangeBuffer);
            return ByteBufUtil.getBytes(buffer);
        } finally {
            buffer.release();
        }
    }

    /** A command as one frame. */
    static byte[] frame(OftpCommand command) {
        return frame(exchangeBuffer(command));
    }

    /**
     * A DATA exchange buffer of {@code octets} file octets (a multiple of 63 is exact) in full subrecords, the
     * last one marked end of record.
     */
    static byte[] data(int octets) {
        int subrecords = Math.max(1, (octets + SUBRECORD - 1) / SUBRECORD);
        byte[] buffer = new byte[1 + subrecords * (1 + SUBRECORD)];
        buffer[0] = 'D';
        for (int i = 0; i < subrecords; i++) {
            int header = 1 + i * (1 + SUBRECORD);
            buffer[header] = (byte) (SUBRECORD | (i == subrecords - 1 ? Data.END_OF_RECORD : 0));
            Arrays.fill(buffer, header + 1, header + 1 + SUBRECORD, (byte) ('A' + i % 26));
        }
        return buffer;
    }
}
