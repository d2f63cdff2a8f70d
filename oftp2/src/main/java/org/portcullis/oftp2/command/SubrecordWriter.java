package org.portcullis.oftp2.command;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/**
 * Packs the octets of an unstructured (U format) file into DATA exchange buffers (RFC 5024 §7.2,
 * §7.3): each buffer is {@code D} plus subrecords of at most 63 octets, each behind its count
 * header, and is at most the negotiated SDEB long. The file's last subrecord carries the
 * end-of-record flag, which ends a U format file; an empty file is the single header {@code 0x80}.
 * Buffers come from the allocator, so a pooled allocator makes the hot path allocation-free.
 */
public final class SubrecordWriter {
    private static final int MAX_SUBRECORD = Data.COUNT_MASK;

    private final ByteBufAllocator allocator;
    private final int capacity;

    /**
     * @param maxBufferLength the negotiated SDEB (counting the {@code D} octet), 3..99999; SSID
     *                        makes it at least 128, smaller values serve tests
     */
    public SubrecordWriter(ByteBufAllocator allocator, int maxBufferLength) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.capacity = capacity(maxBufferLength);
    }

    /** How many file octets fit in one exchange buffer of {@code maxBufferLength} octets. */
    public static int capacity(int maxBufferLength) {
        FieldCheck.range("SSIDSDEB", maxBufferLength, 3, Ssid.MAX_BUFFER_SIZE);
        int subrecordOctets = maxBufferLength - 1;
        int headers = (subrecordOctets + MAX_SUBRECORD) / (MAX_SUBRECORD + 1);
        return subrecordOctets - headers;
    }

    /** How many file octets each full buffer carries; a call consumes at most this many. */
    public int capacity() {
        return capacity;
    }

    /**
     * Packs the next octets of {@code source} (at most {@link #capacity()}) into one DATA, advancing
     * the source's reader index.
     *
     * @param endOfFile whether {@code source} holds the end of the file: the end-of-record flag is
     *                  set when this buffer takes its last octet
     * @throws IllegalArgumentException when there is nothing to write (empty source, not the end)
     */
    public Data write(ByteBuf source, boolean endOfFile) {
        int available = source.readableBytes();
        int octets = Math.min(available, capacity);
        boolean last = endOfFile && octets == available;
        if (octets == 0 && !last) {
            throw new IllegalArgumentException("no file octets to write");
        }
        int subrecords = Math.max(1, (octets + MAX_SUBRECORD - 1) / MAX_SUBRECORD);
        ByteBuf out = allocator.buffer(octets + subrecords);
        int remaining = octets;
        do {
            int count = Math.min(remaining, MAX_SUBRECORD);
            remaining -= count;
            out.writeByte(last && remaining == 0 ? Data.END_OF_RECORD | count : count);
            out.writeBytes(source, count);
        } while (remaining > 0);
        return new Data(out, false);
    }

    /** As {@link #write(ByteBuf, boolean)}, advancing the source's position. */
    public Data write(ByteBuffer source, boolean endOfFile) {
        ByteBuf wrapped = Unpooled.wrappedBuffer(source);
        try {
            Data data = write(wrapped, endOfFile);
            source.position(source.position() + wrapped.readerIndex());
            return data;
        } finally {
            wrapped.release();
        }
    }

    /**
     * Packs the file octets from {@code position} (at most {@link #capacity()} of them, so the next
     * call starts at {@code position + min(capacity(), end - position)}) into one DATA; {@code end}
     * is the file's length, so the end-of-record flag is set when this buffer reaches it.
     */
    public Data write(FileChannel file, long position, long end) throws IOException {
        int octets = (int) Math.min(capacity, end - position);
        // One read per buffer into a scratch buffer: reading each 63-octet subrecord from the file
        // separately would cost a system call per subrecord.
        ByteBuf chunk = allocator.directBuffer(octets);
        try {
            while (chunk.writerIndex() < octets) {
                int read = chunk.writeBytes(file, position + chunk.writerIndex(), octets - chunk.writerIndex());
                if (read < 0) {
                    throw new EOFException("file ends before octet " + end);
                }
            }
            return write(chunk, position + octets == end);
        } finally {
            chunk.release();
        }
    }
}
