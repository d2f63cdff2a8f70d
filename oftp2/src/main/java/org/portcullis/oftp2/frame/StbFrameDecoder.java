package org.portcullis.oftp2.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;

/**
 * Splits the TCP stream into exchange buffers by their Stream Transmission Header (RFC 5024 §8.2).
 * Each exchange buffer (without the header) is passed on as a retained slice. A fault is passed on
 * as an {@link OftpProtocolException}; from then on every further octet is discarded, because the
 * session is over.
 */
public final class StbFrameDecoder extends ByteToMessageDecoder {
    private final int maxFrameLength;
    private boolean failed;

    /** A decoder that accepts frames up to the RFC's maximum of 100003 octets. */
    public StbFrameDecoder() {
        this(StbHeader.MAX_FRAME_LENGTH);
    }

    /**
     * @param maxFrameLength the largest frame accepted, header included (5..100003); a longer one is
     *                       refused from its header, before any of its body is buffered
     */
    public StbFrameDecoder(int maxFrameLength) {
        if (maxFrameLength < StbHeader.MIN_FRAME_LENGTH || maxFrameLength > StbHeader.MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("maxFrameLength must be 5..100003, not " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
        // A frame that spans reads is gathered as a composite of the reads instead of being copied
        // into a growing buffer: no copy, no zeroed allocation, and DATA stays zero-copy.
        setCumulator(COMPOSITE_CUMULATOR);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        OftpProtocolException fault = checkHeader(in);
        if (fault != null) {
            failed = true;
            in.skipBytes(in.readableBytes());
            // Fired unwrapped (throwing would wrap it in a DecoderException) so the error handler
            // finds the ESID reason directly.
            ctx.fireExceptionCaught(fault);
            return;
        }
        if (in.readableBytes() < StbHeader.LENGTH) {
            return;
        }
        int frameLength = in.getUnsignedMedium(in.readerIndex() + 1);
        if (in.readableBytes() >= frameLength) {
            in.skipBytes(StbHeader.LENGTH);
            out.add(in.readRetainedSlice(frameLength - StbHeader.LENGTH));
        }
    }

    /** Octets received but not yet passed on: what a test checks to see that nothing was buffered. */
    int bufferedOctets() {
        return actualReadableBytes();
    }

    /** The fault in the header at the reader index, or {@code null} if what has arrived of it is good. */
    private OftpProtocolException checkHeader(ByteBuf in) {
        if (!in.isReadable()) {
            return null;
        }
        // The first octet is checked as soon as it arrives, so garbage is refused without waiting for more.
        int versionAndFlags = in.getUnsignedByte(in.readerIndex());
        if (versionAndFlags >>> 4 != 1) {
            return new OftpProtocolException(EsidReason.COMMAND_NOT_RECOGNISED, "STH",
                    "version " + (versionAndFlags >>> 4) + " is not the Stream Transmission Header version 1");
        }
        if ((versionAndFlags & 0x0F) != 0) {
            return new OftpProtocolException(EsidReason.COMMAND_NOT_RECOGNISED, "STH",
                    "flags 0x" + Integer.toHexString(versionAndFlags & 0x0F) + " are set, but all are reserved");
        }
        if (in.readableBytes() < StbHeader.LENGTH) {
            return null;
        }
        int frameLength = in.getUnsignedMedium(in.readerIndex() + 1);
        if (frameLength < StbHeader.MIN_FRAME_LENGTH || frameLength > maxFrameLength) {
            return new OftpProtocolException(EsidReason.EXCHANGE_BUFFER_SIZE_ERROR, "STH",
                    "frame length " + frameLength + " is outside 5.." + maxFrameLength);
        }
        return null;
    }
}
