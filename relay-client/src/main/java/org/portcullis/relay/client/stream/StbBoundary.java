package org.portcullis.relay.client.stream;

import io.netty.buffer.ByteBuf;
import org.portcullis.oftp2.frame.StbHeader;

/**
 * Follows the Stream Transmission Buffer framing (RFC 5024 §8.2) of the octets relayed from the inside daemon,
 * without holding any of them, to tell whether they stopped at a frame boundary: only there can relay-client add
 * a frame of its own (ESID 05) without breaking the stream. Not thread-safe: the socket's event loop only.
 */
final class StbBoundary {
    private int headerOctets;
    private int headerValue;
    private int remaining;
    private boolean broken;

    /** Follows {@code octets} from their reader index, which stays where it is. */
    void pass(ByteBuf octets) {
        int index = octets.readerIndex();
        int end = octets.writerIndex();
        while (index < end && !broken) {
            if (remaining > 0) {
                int step = Math.min(remaining, end - index);
                remaining -= step;
                index += step;
                continue;
            }
            headerValue = headerValue << 8 | octets.getUnsignedByte(index++);
            if (++headerOctets == StbHeader.LENGTH) {
                int frameLength = headerValue & 0xFF_FFFF;
                broken = frameLength < StbHeader.MIN_FRAME_LENGTH;
                remaining = frameLength - StbHeader.LENGTH;
                headerOctets = 0;
                headerValue = 0;
            }
        }
    }

    /** True when the octets so far end with a whole frame (or there were none) and the framing held. */
    boolean atBoundary() {
        return !broken && headerOctets == 0 && remaining == 0;
    }
}
