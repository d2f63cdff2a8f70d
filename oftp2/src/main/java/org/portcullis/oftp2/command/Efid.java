package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** End File: record and octet counts of the file sent (RFC 5024 §5.3.8). */
public record Efid(long recordCount, long unitCount) implements OftpCommand {

    @Override
    public CommandCode commandCode() {
        return CommandCode.EFID;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
