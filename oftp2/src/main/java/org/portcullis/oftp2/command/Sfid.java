package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Start File identification (RFC 5024 §5.3.3). */
public record Sfid(String datasetName, String date, String time, String user, String destination, String originator,  FileFormat format, int maxRecordLength, long fileSize, long originalSize, long restartPosition,  int security, int cipherSuite, int compression, int envelope, boolean signedEerp, String description) implements OftpCommand {

    @Override
    public CommandCode commandCode() {
        return CommandCode.SFID;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
