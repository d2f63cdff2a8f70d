package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Start File Negative Answer (RFC 5024 §5.3.5). */
public record Sfna(AnswerReason reason, boolean retryLater, String text) implements OftpCommand {

    @Override
    public CommandCode commandCode() {
        return CommandCode.SFNA;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
