package org.portcullis.oftp2.fuzz;

import java.io.ByteArrayOutputStream;

/** A session as the bytes both parties sent, in order, each exchange buffer framed (RFC 5024 §8.2). */
final class SessionScript {
    static final boolean INITIATOR = false;
    static final boolean RESPONDER = true;

    private final ByteArrayOutputStream stream = new ByteArrayOutputStream();
    private final StringBuilder senders = new StringBuilder();

    /** Appends a command the Initiator sent. */
    SessionScript initiator(byte[] exchangeBuffer) {
        return send(INITIATOR, exchangeBuffer);
    }

    /** Appends a command the Responder sent. */
    SessionScript responder(byte[] exchangeBuffer) {
        return send(RESPONDER, exchangeBuffer);
    }

    /** Appends octets as they are, for example a broken header. */
    SessionScript raw(byte[] octets) {
        stream.writeBytes(octets);
        return this;
    }

    SessionScript send(boolean fromResponder, byte[] exchangeBuffer) {
        int frameLength = 4 + exchangeBuffer.length;
        stream.write(0x10);
        stream.write(frameLength >>> 16);
        stream.write(frameLength >>> 8);
        stream.write(frameLength);
        stream.writeBytes(exchangeBuffer);
        senders.append(fromResponder ? 'R' : 'I');
        return this;
    }

    /** The fuzz input that replays this session with {@code flags} (see {@link FuzzInput}). */
    byte[] toInput(int flags) {
        boolean[] fromResponder = new boolean[senders.length()];
        for (int i = 0; i < fromResponder.length; i++) {
            fromResponder[i] = senders.charAt(i) == 'R';
        }
        return FuzzInput.encode(flags, fromResponder, stream.toByteArray());
    }

    int commands() {
        return senders.length();
    }
}
