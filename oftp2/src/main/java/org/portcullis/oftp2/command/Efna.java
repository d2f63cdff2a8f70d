package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** End File Negative Answer (RFC 5024 §5.3.10). */
public record Efna(AnswerReason reason, String text) implements OftpCommand {

    @Override
    public CommandCode commandCode() {
        return CommandCode.EFNA;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
