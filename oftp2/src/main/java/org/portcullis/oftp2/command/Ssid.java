package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Start Session identification, exchanged by Initiator and Responder (RFC 5024 §5.3.2). */
public record Ssid(int level, String odetteId, String password, int bufferSize, SendReceiveMode mode,  boolean compression, boolean restart, boolean specialLogic, int credit, boolean secureAuthentication,  String user) implements OftpCommand {

    @Override
    public CommandCode commandCode() {
        return CommandCode.SSID;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
