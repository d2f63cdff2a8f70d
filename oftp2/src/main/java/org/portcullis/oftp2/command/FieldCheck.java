package org.portcullis.oftp2.command;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBufUtil;

/**
 * The value rules every command constructor applies (RFC 5024 §5.1, §5.3), so a built command is
 * always encodable. The rules are the lenient superset: what {@link ParseMode#LENIENT} accepts can
 * be constructed; the strict character set is enforced by the parser only.
 */
final class FieldCheck {
    /** T fields hold at most 999 UTF-8 octets (their length field is 9(3)). */
    static final int MAX_TEXT_OCTETS = 999;
    /** The largest exchange buffer the Stream Transmission Header can carry (RFC 5024 §8.2). */
    static final int MAX_EXCHANGE_BUFFER = 99_999;

    private FieldCheck() {
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, "is missing");
        }
        return value;
    }

    /**
     * An X(width) value: printable ASCII, at most {@code width} characters. Trailing spaces are the
     * field's padding, so they are dropped: the value is stored as it reads without them.
     */
    static String alphanumeric(String field, String value, int width) {
        notNull(field, value);
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        if (end > width) {
            throw new InvalidFieldException(field, "longer than " + width + " characters");
        }
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new InvalidFieldException(field, "character at position " + (i + 1) + " is not printable ASCII");
            }
        }
        return end == value.length() ? value : value.substring(0, end);
    }

    /** A T(n) value: encodable as UTF-8 in at most 999 octets. */
    static String text(String field, String value) {
        notNull(field, value);
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
            throw new InvalidFieldException(field, "is not encodable as UTF-8 (unpaired surrogate)");
        }
        if (ByteBufUtil.utf8Bytes(value) > MAX_TEXT_OCTETS) {
            throw new InvalidFieldException(field, "longer than " + MAX_TEXT_OCTETS + " UTF-8 octets");
        }
        return value;
    }

    /** A 9(width) value kept as text, such as a date stamp: exactly {@code width} ASCII digits. */
    static String digits(String field, String value, int width) {
        notNull(field, value);
        if (value.length() != width) {
            throw new InvalidFieldException(field, "must be exactly " + width + " digits");
        }
        for (int i = 0; i < width; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidFieldException(field, "character at position " + (i + 1) + " is not a digit");
            }
        }
        return value;
    }

    static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidFieldException(field, value + " is outside " + min + ".." + max);
        }
        return value;
    }

    static int range(String field, int value, int min, int max) {
        return (int) range(field, (long) value, min, max);
    }

    /** A U(n) octet string with a U(2) length: a private copy of at most {@code maxLength} octets. */
    static byte[] octets(String field, byte[] value, int minLength, int maxLength) {
        notNull(field, value);
        if (value.length < minLength || value.length > maxLength) {
            throw new InvalidFieldException(field, value.length + " octets, expected " + minLength + ".." + maxLength);
        }
        return value.clone();
    }
}
