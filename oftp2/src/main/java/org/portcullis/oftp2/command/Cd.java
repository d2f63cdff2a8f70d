package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Change Direction: the Speaker hands the turn to the Listener (RFC 5024 §5.3.12). */
public record Cd() implements OftpCommand {
    /** The only CD: the command has no fields. */
    public static final Cd INSTANCE = new Cd();

    @Override
    public CommandCode commandCode() {
        return CommandCode.CD;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.CD.octet());
    }

    static Cd read(FieldReader reader) {
        reader.command("CD", 1);
        return INSTANCE;
    }
}
