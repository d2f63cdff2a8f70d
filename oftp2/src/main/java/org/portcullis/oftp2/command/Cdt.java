package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Set Credit: the Listener resets the Speaker's credit to the window (RFC 5024 §5.3.7). */
public record Cdt() implements OftpCommand {
    /** The only CDT: the command has no fields. */
    public static final Cdt INSTANCE = new Cdt();

    @Override
    public CommandCode commandCode() {
        return CommandCode.CDT;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
