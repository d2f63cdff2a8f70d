package org.portcullis.relay.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.frame.StbHeader;

/**
 * Splits the octets a link stream delivers into the commands of their Stream Transmission Buffers (RFC 5024
 * §8.2), the same checks as the channel's {@code StbFrameDecoder} without a channel. Chunks are joined in a
 * composite buffer, so the subrecords of a DATA are never copied. Not thread-safe: use it from one event loop.
 */
final class StbFrameAccumulator implements AutoCloseable {
    private final ByteBufAllocator alloc;
    private final CommandParser parser;
    private ByteBuf cumulation;
    private int lastFrameLength;
    private boolean closed;

    StbFrameAccumulator(ByteBufAllocator alloc, CommandParser parser) {
        this.alloc = alloc;
        this.parser = parser;
    }

    /** Appends a chunk; ownership passes to the accumulator (released at once after a fault or close). */
    void add(ByteBuf chunk) {
        if (closed) {
            chunk.release();
            return;
        }
        cumulation = cumulation == null ? chunk
                : ByteToMessageDecoder.COMPOSITE_CUMULATOR.cumulate(alloc, cumulation, chunk);
    }

    /**
     * The command of the next whole frame, or {@code null} until one has arrived. The caller owns the command
     * (a DATA holds a slice of the buffered octets).
     *
     * @throws OftpProtocolException ESID 01 for a bad header, 07 for a bad length, or the parser's reason; the
     *                               accumulator is closed then
     */
    OftpCommand next() {
        if (closed || cumulation == null) {
            return null;
        }
        try {
            int frameLength = wholeFrameLength();
            if (frameLength < 0) {
                return null;
            }
            cumulation.skipBytes(StbHeader.LENGTH);
            ByteBuf exchangeBuffer = cumulation.readRetainedSlice(frameLength - StbHeader.LENGTH);
            try {
                OftpCommand command = parser.parse(exchangeBuffer);
                lastFrameLength = frameLength;
                return command;
            } finally {
                exchangeBuffer.release();
                discardReadBytes();
            }
        } catch (OftpProtocolException fault) {
            close();
            throw fault;
        }
    }

    /** The length, header included, of the frame {@link #next()} returned last. */
    int lastFrameLength() {
        return lastFrameLength;
    }

    /** Octets of an incomplete frame held until the rest arrives (at most one frame). */
    int buffered() {
        return cumulation == null ? 0 : cumulation.readableBytes();
    }

    /** Releases what is buffered; later chunks are released on arrival. */
    @Override
    public void close() {
        closed = true;
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }

    /** The length of the frame at the reader index once all of it is here, else -1. */
    private int wholeFrameLength() {
        if (!cumulation.isReadable()) {
            return -1;
        }
        int versionAndFlags = cumulation.getUnsignedByte(cumulation.readerIndex());
        if (versionAndFlags != 0x10) {
            throw new OftpProtocolException(EsidReason.COMMAND_NOT_RECOGNISED, "STH", String.format(
                    "first octet 0x%02X is not a Stream Transmission Header of version 1 without flags", versionAndFlags));
        }
        if (cumulation.readableBytes() < StbHeader.LENGTH) {
            return -1;
        }
        int frameLength = cumulation.getUnsignedMedium(cumulation.readerIndex() + 1);
        if (frameLength < StbHeader.MIN_FRAME_LENGTH || frameLength > StbHeader.MAX_FRAME_LENGTH) {
            throw new OftpProtocolException(EsidReason.EXCHANGE_BUFFER_SIZE_ERROR, "STH",
                    "frame length " + frameLength + " is outside " + StbHeader.MIN_FRAME_LENGTH + ".."
                            + StbHeader.MAX_FRAME_LENGTH);
        }
        return cumulation.readableBytes() >= frameLength ? frameLength : -1;
    }

    /** Drops consumed octets; only while no slice shares the buffer, as ByteToMessageDecoder does. */
    private void discardReadBytes() {
        if (!cumulation.isReadable()) {
            cumulation.release();
            cumulation = null;
        } else if (cumulation.refCnt() == 1) {
            cumulation.discardSomeReadBytes();
        }
    }
}
