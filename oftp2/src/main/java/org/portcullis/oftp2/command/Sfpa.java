package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Start File Positive Answer with the agreed restart position (RFC 5024 §5.3.4). */
public record Sfpa(long answerCount) implements OftpCommand {

    @Override
    public CommandCode commandCode() {
        return CommandCode.SFPA;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
