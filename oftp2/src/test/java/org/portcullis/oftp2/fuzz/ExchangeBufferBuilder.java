package org.portcullis.oftp2.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the fields of one exchange buffer octet by octet from the RFC 5024 §5.3 layouts, without the
 * library's own writers, so the seed corpus is an independent account of the wire format.
 */
final class ExchangeBufferBuilder {
    static final int CR = 0x0D;

    private final ByteArrayOutputStream octets = new ByteArrayOutputStream();

    ExchangeBufferBuilder(char commandOctet) {
        octets.write(commandOctet);
    }

    /** An X(n) field: left-justified and padded with spaces. */
    ExchangeBufferBuilder x(String text, int width) {
        if (text.length() > width) {
            throw new IllegalArgumentException(text + " is longer than " + width);
        }
        octets.writeBytes(String.format("%-" + width + "s", text).getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** A 9(n) field: right-justified and padded with zeros. */
    ExchangeBufferBuilder n(long value, int width) {
        String digits = String.format("%0" + width + "d", value);
        if (digits.length() != width) {
            throw new IllegalArgumentException(value + " does not fit " + width + " digits");
        }
        octets.writeBytes(digits.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** A U(2) length followed by the octets it counts. */
    ExchangeBufferBuilder u2Prefixed(byte[] value) {
        octets.write(value.length >>> 8);
        octets.write(value.length);
        octets.writeBytes(value);
        return this;
    }

    /** A 9(3) length followed by the UTF-8 text it counts (the T(n) fields). */
    ExchangeBufferBuilder textWithLength(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        n(utf8.length, 3);
        octets.writeBytes(utf8);
        return this;
    }

    ExchangeBufferBuilder raw(byte[] value) {
        octets.writeBytes(value);
        return this;
    }

    ExchangeBufferBuilder octet(int value) {
        octets.write(value);
        return this;
    }

    byte[] build() {
        return octets.toByteArray();
    }
}
