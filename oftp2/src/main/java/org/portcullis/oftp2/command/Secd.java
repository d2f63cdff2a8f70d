package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Security Change Direction (RFC 5024 §5.3.16). */
public record Secd() implements OftpCommand {
    /** The only SECD: the command has no fields. */
    public static final Secd INSTANCE = new Secd();

    @Override
    public CommandCode commandCode() {
        return CommandCode.SECD;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.SECD.octet());
    }

    static Secd read(FieldReader reader) {
        reader.command("SECD", 1);
        return INSTANCE;
    }
}
