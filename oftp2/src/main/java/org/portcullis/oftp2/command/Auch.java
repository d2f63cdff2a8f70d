package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Authentication Challenge: a CMS-encrypted 20-octet challenge (RFC 5024 §5.3.17). */
public record Auch(byte[] challenge) implements OftpCommand {

    @Override
    public CommandCode commandCode() {
        return CommandCode.AUCH;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
