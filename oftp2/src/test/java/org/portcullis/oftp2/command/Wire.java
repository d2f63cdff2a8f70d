package org.portcullis.oftp2.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;

import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;

/** Test helpers that turn commands into octets and back, releasing every buffer. */
final class Wire {
    private Wire() {
    }

    /** The octets of a string whose characters are all below 0x100 (so CR and 0x8D can be written). */
    static byte[] octets(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String latin1(byte[] octets) {
        return new String(octets, StandardCharsets.ISO_8859_1);
    }

    static byte[] encode(OftpCommand command) {
        ByteBuf out = Unpooled.buffer();
        try {
            command.writeTo(out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /** Parses and checks that the whole buffer was read. A returned Data must be released. */
    static OftpCommand parse(ParseMode mode, byte[] octets) {
        ByteBuf in = Unpooled.wrappedBuffer(octets);
        try {
            OftpCommand command = new CommandParser(mode).parse(in);
            assertEquals(0, in.readableBytes(), "octets left unread");
            return command;
        } finally {
            in.release();
        }
    }

    static OftpCommand parse(ParseMode mode, String latin1) {
        return parse(mode, octets(latin1));
    }

    /** Asserts the parser refuses the octets with this reason and field; returns the exception. */
    static OftpProtocolException refused(ParseMode mode, byte[] octets, EsidReason reason, String field) {
        OftpProtocolException e = assertThrows(OftpProtocolException.class, () -> {
            OftpCommand command = parse(mode, octets);
            ReferenceCountUtil.release(command);
        });
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        return e;
    }

    static OftpProtocolException refused(ParseMode mode, String latin1, EsidReason reason, String field) {
        return refused(mode, octets(latin1), reason, field);
    }

    /** {@code base} with {@code replacement} written over it at {@code offset}. */
    static String mutate(String base, int offset, String replacement) {
        return base.substring(0, offset) + replacement + base.substring(offset + replacement.length());
    }
}
