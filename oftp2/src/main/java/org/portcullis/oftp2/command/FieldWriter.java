package org.portcullis.oftp2.command;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** Writes command fields in the representations of RFC 5024 §5.3 (X, 9, U, T and CR). */
final class FieldWriter {
    static final byte CARRIAGE_RETURN = 0x0D;
    private static final byte SPACE = ' ';

    private FieldWriter() {
    }

    /** X(width): the value left-justified and right-padded with spaces. */
    static void alphanumeric(ByteBuf out, String value, int width) {
        int written = out.writeCharSequence(value, StandardCharsets.US_ASCII);
        spaces(out, width - written);
    }

    /** A reserved field, or padding: {@code count} spaces. */
    static void spaces(ByteBuf out, int count) {
        for (int i = 0; i < count; i++) {
            out.writeByte(SPACE);
        }
    }

    /** 9(width): the value right-justified and left-padded with zeros. */
    static void number(ByteBuf out, long value, int width) {
        int start = out.writerIndex();
        out.ensureWritable(width);
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            out.setByte(start + i, '0' + (int) (rest % 10));
            rest /= 10;
        }
        out.writerIndex(start + width);
    }

    /** A 9(width) value held as its digits (date and time stamps). */
    static void digits(ByteBuf out, String digits) {
        out.writeCharSequence(digits, StandardCharsets.US_ASCII);
    }

    /** A Y/N indicator. */
    static void flag(ByteBuf out, boolean value) {
        out.writeByte(value ? 'Y' : 'N');
    }

    /** A 9(3) length followed by the T(n) UTF-8 text it counts. */
    static void text(ByteBuf out, String text) {
        int lengthIndex = out.writerIndex();
        number(out, 0, 3);
        int octets = out.writeCharSequence(text, StandardCharsets.UTF_8);
        int end = out.writerIndex();
        out.writerIndex(lengthIndex);
        number(out, octets, 3);
        out.writerIndex(end);
    }

    /** A U(2) length followed by the U(n) octets it counts. */
    static void octets(ByteBuf out, byte[] octets) {
        out.writeShort(octets.length);
        out.writeBytes(octets);
    }

    static void carriageReturn(ByteBuf out) {
        out.writeByte(CARRIAGE_RETURN);
    }

    /** The UTF-8 length of a T field's text. */
    static int utf8Length(String text) {
        return ByteBufUtil.utf8Bytes(text);
    }
}
