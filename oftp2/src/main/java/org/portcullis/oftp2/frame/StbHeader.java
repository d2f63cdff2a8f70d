package org.portcullis.oftp2.frame;

import io.netty.buffer.ByteBuf;

/**
 * The 4-octet Stream Transmission Header (RFC 5024 §8.2): version nibble 1, flags nibble 0 and a
 * 24-bit big-endian length that counts the header and the exchange buffer.
 */
public final class StbHeader {
    /** Octets of the header itself. */
    public static final int LENGTH = 4;
    /** The smallest frame: a header and a 1-octet command such as CD. */
    public static final int MIN_FRAME_LENGTH = LENGTH + 1;
    /** The largest frame: a header and a 99999-octet exchange buffer. */
    public static final int MAX_FRAME_LENGTH = LENGTH + 99_999;

    /** Version 1 in the high nibble, no flags in the low nibble. */
    static final int VERSION_AND_FLAGS = 0x10;

    private StbHeader() {
    }

    /** Writes the header for an exchange buffer of {@code exchangeBufferLength} octets. */
    public static void write(ByteBuf out, int exchangeBufferLength) {
        out.writeInt(headerValue(exchangeBufferLength));
    }

    /** Overwrites the 4 octets at {@code index} with the header for the exchange buffer that follows them. */
    static void set(ByteBuf out, int index, int exchangeBufferLength) {
        out.setInt(index, headerValue(exchangeBufferLength));
    }

    private static int headerValue(int exchangeBufferLength) {
        int frameLength = LENGTH + exchangeBufferLength;
        if (frameLength < MIN_FRAME_LENGTH || frameLength > MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("an exchange buffer of " + exchangeBufferLength
                    + " octets does not fit a Stream Transmission Buffer (1..99999)");
        }
        return VERSION_AND_FLAGS << 24 | frameLength;
    }
}
