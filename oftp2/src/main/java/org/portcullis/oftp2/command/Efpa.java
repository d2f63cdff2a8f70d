package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** End File Positive Answer; {@code changeDirection} asks the Speaker for CD (RFC 5024 §5.3.9). */
public record Efpa(boolean changeDirection) implements OftpCommand {

    @Override
    public CommandCode commandCode() {
        return CommandCode.EFPA;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
