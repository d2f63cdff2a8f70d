package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Reads one exchange buffer into the command it holds, checking every field (RFC 5024 §5.3). */
public final class CommandParser {
    private final ParseMode mode;

    public CommandParser(ParseMode mode) {
        this.mode = mode;
    }

    public ParseMode mode() {
        return mode;
    }

    /**
     * Parses the exchange buffer (the octets after the Stream Transmission Header). The buffer's
     * reader index is advanced past what was read; the caller keeps ownership of {@code buffer}
     * (a returned {@link Data} holds its own retained slice).
     *
     * @throws org.portcullis.oftp2.OftpProtocolException with the ESID reason for the first fault
     */
    public OftpCommand parse(ByteBuf buffer) {
        throw new UnsupportedOperationException("not yet written");
    }
}
