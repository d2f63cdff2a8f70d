package org.portcullis.oftp2.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.BitSet;
import org.portcullis.oftp2.command.ParseMode;

/**
 * One fuzz input decoded into how a session is replayed: the parse mode, how the TCP stream is cut
 * into reads, the frame decoder's limit, which party sent each command, and the stream itself.
 *
 * <p>Layout (every byte sequence is a valid input; missing parts take defaults):
 * <pre>
 * octet 0       flags: bit 0 lenient parsing, bits 1-3 read size class, bits 4-5 maximum frame class
 * octet 1       n, the number of sender octets that follow
 * octets 2..    n sender octets: bit i (LSB first) set means the i-th command came from the Responder;
 *               every command past the last bit has the sender the last bit names
 * the rest      the TCP stream: Stream Transmission Buffers as they arrive
 * </pre>
 */
record FuzzInput(ParseMode mode, int readSize, int maxFrameLength, BitSet responderSent, int senderBits,
                 byte[] stream) {

    /** Read sizes: the whole stream at once, or every size that splits headers and bodies differently. */
    static final int[] READ_SIZES = {Integer.MAX_VALUE, 1, 2, 3, 5, 17, 256, 4099};
    /** The RFC maximum, the limit for SDEB 4096, a small one, and the smallest possible. */
    static final int[] MAX_FRAME_LENGTHS = {100_003, 4_100, 132, 5};

    static FuzzInput decode(byte[] data) {
        int flags = data.length > 0 ? data[0] & 0xFF : 0;
        int senderOctets = data.length > 1 ? Math.min(data[1] & 0xFF, data.length - 2) : 0;
        int streamStart = Math.min(data.length, 2 + senderOctets);
        BitSet responderSent = BitSet.valueOf(Arrays.copyOfRange(data, Math.min(2, data.length), streamStart));
        return new FuzzInput(
                (flags & 1) == 0 ? ParseMode.STRICT : ParseMode.LENIENT,
                READ_SIZES[(flags >>> 1) & 7],
                MAX_FRAME_LENGTHS[(flags >>> 4) & 3],
                responderSent,
                senderOctets * 8,
                Arrays.copyOfRange(data, streamStart, data.length));
    }

    /** Whether the Responder sent the command with this index; see the layout above. */
    boolean sentByResponder(int commandIndex) {
        if (senderBits == 0) {
            return false;
        }
        return responderSent.get(Math.min(commandIndex, senderBits - 1));
    }

    /** The inverse of {@link #decode}: the input that replays {@code stream} with these settings. */
    static byte[] encode(int flags, boolean[] senders, byte[] stream) {
        int senderOctets = (senders.length + 7) / 8;
        BitSet bits = new BitSet(senderOctets * 8);
        for (int i = 0; i < senderOctets * 8; i++) {
            // The padding repeats the last sender, as decode assumes for every command past the bits.
            bits.set(i, senders[Math.min(i, senders.length - 1)]);
        }
        if (senderOctets > 255) {
            throw new IllegalArgumentException("at most 2040 commands fit the sender octets");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(flags);
        out.write(senderOctets);
        out.writeBytes(Arrays.copyOf(bits.toByteArray(), senderOctets));
        out.writeBytes(stream);
        return out.toByteArray();
    }
}
