package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Ready To Receive: the answer to EERP and NERP (RFC 5024 §5.3.15). */
public record Rtr() implements OftpCommand {
    /** The only RTR: the command has no fields. */
    public static final Rtr INSTANCE = new Rtr();

    @Override
    public CommandCode commandCode() {
        return CommandCode.RTR;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.RTR.octet());
    }

    static Rtr read(FieldReader reader) {
        reader.command("RTR", 1);
        return INSTANCE;
    }
}
