package org.portcullis.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.Random;
import org.portcullis.oftp2.command.Data;
import org.portcullis.oftp2.command.SubrecordWriter;
import org.portcullis.oftp2.frame.StbHeader;

/**
 * The TCP stream a Speaker sends during one file transfer: a U-format file packed into DATA exchange
 * buffers of the negotiated size (RFC 5024 §7), each behind its Stream Transmission Header (§8.2).
 */
final class DataStream {
    private DataStream() {
    }

    /** The framed DATA buffers for {@code fileOctets} random octets at buffer size {@code bufferSize}. */
    static byte[] framed(int fileOctets, int bufferSize, long seed) {
        byte[] file = new byte[fileOctets];
        new Random(seed).nextBytes(file);
        SubrecordWriter writer = new SubrecordWriter(UnpooledByteBufAllocator.DEFAULT, bufferSize);
        ByteBuf source = Unpooled.wrappedBuffer(file);
        ByteBuf stream = Unpooled.buffer(fileOctets + fileOctets / 32);
        try {
            while (source.isReadable()) {
                Data data = writer.write(source, true);
                try {
                    StbHeader.write(stream, data.length());
                    data.writeTo(stream);
                } finally {
                    data.release();
                }
            }
            byte[] octets = new byte[stream.readableBytes()];
            stream.readBytes(octets);
            return octets;
        } finally {
            source.release();
            stream.release();
        }
    }
}
