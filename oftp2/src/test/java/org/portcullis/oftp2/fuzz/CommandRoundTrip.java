package org.portcullis.oftp2.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.ReferenceCountUtil;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.ParseMode;

/**
 * The round-trip invariant: a command the parser accepted writes itself out (RFC 5024 §5.3) as octets
 * the same parser reads back to an equal command, and that command writes the same octets again. The
 * lenient parser, which differs from the strict one only in the characters of X fields, reads those
 * octets to an equal command too.
 */
final class CommandRoundTrip {
    private static final CommandParser LENIENT = new CommandParser(ParseMode.LENIENT);

    private final CommandParser parser;
    private final ByteBufAllocator allocator;

    CommandRoundTrip(CommandParser parser, ByteBufAllocator allocator) {
        this.parser = parser;
        this.allocator = allocator;
    }

    /** @throws AssertionError when the invariant does not hold */
    void check(OftpCommand command) {
        ByteBuf written = allocator.buffer();
        ByteBuf rewritten = allocator.buffer();
        OftpCommand reparsed = null;
        try {
            writeTo(command, written);
            reparsed = reparse(parser, command, written.duplicate());
            checkEqual(command, reparsed, written);
            if (parser.mode() == ParseMode.STRICT) {
                OftpCommand lenient = reparse(LENIENT, command, written.duplicate());
                try {
                    checkEqual(command, lenient, written);
                } finally {
                    ReferenceCountUtil.release(lenient);
                }
            }
            writeTo(reparsed, rewritten);
            if (!ByteBufUtil.equals(written, rewritten)) {
                throw new AssertionError(command.commandCode() + " wrote " + ByteBufUtil.hexDump(written)
                        + " first and " + ByteBufUtil.hexDump(rewritten) + " after reading it back");
            }
        } finally {
            written.release();
            rewritten.release();
            ReferenceCountUtil.release(reparsed);
        }
    }

    private static void writeTo(OftpCommand command, ByteBuf out) {
        try {
            command.writeTo(out);
        } catch (RuntimeException e) {
            throw new AssertionError(command.commandCode() + " was read but cannot be written: " + command, e);
        }
    }

    private static void checkEqual(OftpCommand command, OftpCommand reparsed, ByteBuf written) {
        if (!command.equals(reparsed)) {
            throw new AssertionError(command.commandCode() + " read back different: " + command + " became "
                    + reparsed + " via " + ByteBufUtil.hexDump(written));
        }
    }

    private static OftpCommand reparse(CommandParser parser, OftpCommand command, ByteBuf written) {
        try {
            OftpCommand reparsed = parser.parse(written);
            if (written.isReadable()) {
                ReferenceCountUtil.release(reparsed);
                throw new AssertionError(command.commandCode() + " left " + written.readableBytes()
                        + " octets of its own encoding unread");
            }
            return reparsed;
        } catch (OftpProtocolException e) {
            throw new AssertionError(command.commandCode() + " wrote octets the " + parser.mode()
                    + " parser refuses: " + ByteBufUtil.hexDump(written, 0, written.writerIndex()), e);
        }
    }
}
