package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** End-to-End Response: the file reached its final recipient (RFC 5024 §5.3.13). */
public record Eerp(String datasetName, String date, String time, String user, String destination, String originator,  byte[] hash, byte[] signature) implements OftpCommand {

    @Override
    public CommandCode commandCode() {
        return CommandCode.EERP;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
