package org.portcullis.oftp2.command;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;

/**
 * Reads the fields of one command exchange buffer in order (RFC 5024 §5.1, §5.3), applying the
 * {@link ParseMode}'s character rules. Faults become {@link OftpProtocolException}s naming the
 * field: a length that disagrees with the octets present is ESID 07, bad content is ESID 06.
 * Messages never quote field values, so a password cannot leak into a log.
 */
final class FieldReader {
    private final ByteBuf in;
    private final ParseMode mode;

    FieldReader(ByteBuf in, ParseMode mode) {
        this.in = in;
        this.mode = mode;
    }

    ParseMode mode() {
        return mode;
    }

    ByteBuf buffer() {
        return in;
    }

    int remaining() {
        return in.readableBytes();
    }

    /** Checks a fixed-length command's exchange buffer length, then skips its command octet. */
    void command(String name, int length) {
        if (in.readableBytes() != length) {
            throw sizeError(name, "exchange buffer is " + in.readableBytes() + " octets, expected " + length);
        }
        in.skipBytes(1);
    }

    /** Checks a variable command's fixed part is present, then skips its command octet. */
    void variableCommand(String name, int minimumLength) {
        if (in.readableBytes() < minimumLength) {
            throw sizeError(name, "exchange buffer is " + in.readableBytes() + " octets, expected at least "
                    + minimumLength);
        }
        in.skipBytes(1);
    }

    /** Checks that a declared length field fits the octets left in the buffer. */
    void declared(String lengthField, long length, int octetsAfter) {
        if (in.readableBytes() < length + octetsAfter) {
            throw sizeError(lengthField, "declares " + length + " octets but only " + in.readableBytes()
                    + " remain");
        }
    }

    /** Checks that nothing is left after the last field. */
    void end(String lastField) {
        if (in.isReadable()) {
            throw sizeError(lastField, in.readableBytes() + " octets follow the last field");
        }
    }

    /** An X(width) field, returned without its trailing pad spaces. */
    String alphanumeric(String field, int width) {
        int start = in.readerIndex();
        boolean sawSpace = false;
        for (int i = 0; i < width; i++) {
            int c = in.getByte(start + i) & 0xFF;
            if (c == ' ') {
                sawSpace = true;
            } else if (mode == ParseMode.STRICT && (sawSpace || !isRfcCharacter(c))) {
                throw invalid(field, sawSpace ? "embedded space at position " + (i + 1)
                        : "character at position " + (i + 1) + " is not in the RFC set 0-9 A-Z / - . & ( ) space");
            } else if (c < 0x20 || c > 0x7E) {
                throw invalid(field, "character at position " + (i + 1) + " is not printable ASCII");
            }
        }
        int end = width;
        while (end > 0 && in.getByte(start + end - 1) == ' ') {
            end--;
        }
        String value = in.toString(start, end, StandardCharsets.US_ASCII);
        in.skipBytes(width);
        return value;
    }

    /** A reserved field: spaces in STRICT mode, any printable ASCII (ignored) in LENIENT mode. */
    void reserved(String field, int width) {
        int start = in.readerIndex();
        for (int i = 0; i < width; i++) {
            int c = in.getByte(start + i) & 0xFF;
            if (mode == ParseMode.STRICT ? c != ' ' : c < 0x20 || c > 0x7E) {
                throw invalid(field, "reserved octet at position " + (i + 1) + " is not a space");
            }
        }
        in.skipBytes(width);
    }

    /** A 9(width) field (width ≤ 18) as a number. */
    long number(String field, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            int c = in.readByte();
            if (c < '0' || c > '9') {
                throw invalid(field, "position " + (i + 1) + " is not a digit");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    int smallNumber(String field, int width) {
        return (int) number(field, width);
    }

    /** A 9(width) field kept as its digits. */
    String digits(String field, int width) {
        int start = in.readerIndex();
        number(field, width);
        return in.toString(start, width, StandardCharsets.US_ASCII);
    }

    /** A Y/N indicator. */
    boolean flag(String field) {
        int c = in.readByte();
        if (c == 'Y') {
            return true;
        }
        if (c != 'N') {
            throw invalid(field, "must be Y or N");
        }
        return false;
    }

    /** A one-character F field; {@code allowed} lists its values. */
    char letter(String field, String allowed) {
        char c = (char) (in.readByte() & 0xFF);
        if (allowed.indexOf(c) < 0) {
            throw invalid(field, "must be one of " + String.join("/", allowed.split("")));
        }
        return c;
    }

    /** A T(n) field of {@code octets} octets, which must be well-formed UTF-8. */
    String text(String field, int octets) {
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in.nioBuffer(in.readerIndex(), octets))
                    .toString();
            in.skipBytes(octets);
            return value;
        } catch (CharacterCodingException e) {
            throw invalid(field, "is not well-formed UTF-8");
        }
    }

    /** A 9(3) length field and the T(n) text it counts. */
    String textWithLength(String lengthField, String textField) {
        int length = smallNumber(lengthField, 3);
        declared(lengthField, length, 0);
        return text(textField, length);
    }

    /** A U(2) length field and the U(n) octets it counts. */
    byte[] octetsWithLength(String lengthField, String octetsField) {
        int length = unsigned16(lengthField);
        declared(lengthField, length, 0);
        return octets(octetsField, length);
    }

    /** A U(2) length field; at least {@code octetsAfter} more octets must follow it. */
    int unsigned16(String field) {
        if (in.readableBytes() < 2) {
            throw sizeError(field, "missing");
        }
        return in.readUnsignedShort();
    }

    /** A U(n) field of {@code length} octets. */
    byte[] octets(String field, int length) {
        declared(field, length, 0);
        byte[] value = new byte[length];
        in.readBytes(value);
        return value;
    }

    /** A fixed literal such as the SSRM message. */
    void literal(String field, String expected) {
        int start = in.readerIndex();
        for (int i = 0; i < expected.length(); i++) {
            if (in.getByte(start + i) != expected.charAt(i)) {
                throw invalid(field, "must be '" + expected + "'");
            }
        }
        in.skipBytes(expected.length());
    }

    /** A CR field: 0x0D, or 0x8D (RFC 5024 §5.3.1). */
    void carriageReturn(String field) {
        int c = in.readByte() & 0xFF;
        if (c != 0x0D && c != 0x8D) {
            throw invalid(field, "must be a carriage return (0x0D or 0x8D)");
        }
    }

    /** A CCYYMMDD date stamp; STRICT mode requires a real calendar date. */
    String date(String field) {
        String date = digits(field, 8);
        if (mode == ParseMode.STRICT && !Timestamps.isCalendarDate(date)) {
            throw invalid(field, "is not a calendar date (CCYYMMDD)");
        }
        return date;
    }

    /** An HHMMSScccc time stamp; STRICT mode requires a real time and a counter of 0001-9999. */
    String time(String field) {
        String time = digits(field, 10);
        if (mode == ParseMode.STRICT && !Timestamps.isTimeWithCounter(time)) {
            throw invalid(field, "is not a time with counter (HHMMSScccc, counter 0001-9999)");
        }
        return time;
    }

    static OftpProtocolException invalid(String field, String detail) {
        return new OftpProtocolException(EsidReason.COMMAND_CONTAINED_INVALID_DATA, field, detail);
    }

    static OftpProtocolException sizeError(String field, String detail) {
        return new OftpProtocolException(EsidReason.EXCHANGE_BUFFER_SIZE_ERROR, field, detail);
    }

    private static boolean isRfcCharacter(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '/' || c == '-' || c == '.' || c == '&'
                || c == '(' || c == ')';
    }
}
