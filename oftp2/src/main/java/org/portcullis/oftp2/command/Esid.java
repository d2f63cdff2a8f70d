package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** End Session with its reason (RFC 5024 §5.3.11). */
public record Esid(org.portcullis.oftp2.EsidReason reason, String text) implements OftpCommand {

    @Override
    public CommandCode commandCode() {
        return CommandCode.ESID;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
