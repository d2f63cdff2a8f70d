package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Negative End Response: the file could not be delivered (RFC 5024 §5.3.14). */
public record Nerp(String datasetName, String date, String time, String destination, String originator, String creator,  int reasonCode, String text, byte[] hash, byte[] signature) implements OftpCommand {

    @Override
    public CommandCode commandCode() {
        return CommandCode.NERP;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
