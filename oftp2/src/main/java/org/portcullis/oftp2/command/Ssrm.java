package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Start Session Ready Message, sent by the Responder first (RFC 5024 §5.3.1). */
public record Ssrm() implements OftpCommand {
    /** The only SSRM: the command has no fields. */
    public static final Ssrm INSTANCE = new Ssrm();

    @Override
    public CommandCode commandCode() {
        return CommandCode.SSRM;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
