package org.portcullis.link.fuzz;

import java.util.Arrays;

/**
 * One fuzz input decoded into how a link connection is replayed: which end reads the octets, how the TLS
 * plaintext is cut into reads, what the owner of the link does, and the octets themselves.
 *
 * <p>Layout (every byte sequence is a valid input; a missing octet 0 means all defaults):
 * <pre>
 * octet 0    bit 0 the server end reads (else the client end), bits 1-3 read size class (a larger read when
 *            the octets would take more than {@link #MAX_READS} reads, which keeps each input quick),
 *            bit 4 this end opens a stream of its own first, bit 5 the owner returns no credit,
 *            bit 6 the owner writes on every stream it gets, bit 7 the owner closes every stream it gets
 * the rest   the peer's octets: link frames (docs/link-protocol.md) as they arrive
 * </pre>
 */
record LinkFuzzInput(boolean server, int readSize, boolean openFirst, boolean consume, boolean writeBack,
                     boolean closeStreams, byte[] octets) {

    /** The whole input at once, or sizes that split headers (12 octets) and payloads differently. */
    static final int[] READ_SIZES = {Integer.MAX_VALUE, 1, 3, 7, 12, 13, 512, 16_397};
    static final int MAX_READS = 64;
    static final int SERVER = 1;
    static final int OPEN_FIRST = 1 << 4;
    static final int NO_CREDIT = 1 << 5;
    static final int WRITE_BACK = 1 << 6;
    static final int CLOSE_STREAMS = 1 << 7;

    static LinkFuzzInput decode(byte[] data) {
        int flags = data.length > 0 ? data[0] & 0xFF : 0;
        int readSize = Math.max(READ_SIZES[(flags >>> 1) & 7], (data.length + MAX_READS - 1) / MAX_READS);
        return new LinkFuzzInput((flags & SERVER) != 0, readSize, (flags & OPEN_FIRST) != 0,
                (flags & NO_CREDIT) == 0, (flags & WRITE_BACK) != 0, (flags & CLOSE_STREAMS) != 0,
                Arrays.copyOfRange(data, Math.min(1, data.length), data.length));
    }

    /** The inverse of {@link #decode}: the input that replays {@code octets} with these flags. */
    static byte[] encode(int flags, byte[] octets) {
        byte[] data = new byte[octets.length + 1];
        data[0] = (byte) flags;
        System.arraycopy(octets, 0, data, 1, octets.length);
        return data;
    }
}
