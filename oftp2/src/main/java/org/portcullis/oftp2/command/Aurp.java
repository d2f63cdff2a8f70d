package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Authentication Response: the decrypted 20-octet challenge (RFC 5024 §5.3.18). */
public record Aurp(byte[] response) implements OftpCommand {

    @Override
    public CommandCode commandCode() {
        return CommandCode.AURP;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
