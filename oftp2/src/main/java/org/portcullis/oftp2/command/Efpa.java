package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** End File Positive Answer; {@code changeDirection} asks the Speaker for CD (RFC 5024 §5.3.9). */
public record Efpa(boolean changeDirection) implements OftpCommand {
    static final int LENGTH = 2;

    @Override
    public CommandCode commandCode() {
        return CommandCode.EFPA;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.EFPA.octet());
        FieldWriter.flag(out, changeDirection);
    }

    static Efpa read(FieldReader reader) {
        reader.command("EFPA", LENGTH);
        return new Efpa(reader.flag("EFPACD"));
    }
}
