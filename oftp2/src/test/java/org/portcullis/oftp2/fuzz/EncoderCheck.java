package org.portcullis.oftp2.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.frame.OftpCommandEncoder;

/**
 * The encoding invariant: {@link OftpCommandEncoder} sends a command as one Stream Transmission Buffer
 * (RFC 5024 §8.2), a header of version 1 with the frame length, followed by exactly the octets the
 * command's own {@code writeTo} produces.
 */
final class EncoderCheck {
    private static final int HEADER_LENGTH = 4;

    private final ByteBufAllocator allocator;
    private final EmbeddedChannel channel = new EmbeddedChannel();

    EncoderCheck(ByteBufAllocator allocator) {
        this.allocator = allocator;
        channel.config().setAllocator(allocator);
        channel.pipeline().addLast("oftpCodec", new OftpCommandEncoder());
    }

    /** @throws AssertionError when the frame is not the header and the command's octets */
    void check(OftpCommand command) {
        ByteBuf expected = allocator.buffer();
        // The encoder releases what it writes; the caller still owns command.
        channel.writeOutbound(ReferenceCountUtil.retain(command));
        ByteBuf frame = channel.readOutbound();
        try {
            command.writeTo(expected);
            if (frame == null || channel.outboundMessages().size() != 0) {
                throw new AssertionError(command.commandCode() + " was not written as exactly one frame");
            }
            int length = frame.getInt(frame.readerIndex());
            if (length != (0x10 << 24 | (HEADER_LENGTH + expected.readableBytes()))
                    || !ByteBufUtil.equals(frame, frame.readerIndex() + HEADER_LENGTH, expected, 0,
                            expected.readableBytes())
                    || frame.readableBytes() != HEADER_LENGTH + expected.readableBytes()) {
                throw new AssertionError(command.commandCode() + " was framed as " + ByteBufUtil.hexDump(frame));
            }
        } finally {
            expected.release();
            ReferenceCountUtil.release(frame);
        }
    }

    void finish() {
        channel.finishAndReleaseAll();
    }
}
