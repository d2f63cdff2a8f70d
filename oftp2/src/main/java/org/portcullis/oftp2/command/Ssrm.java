package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Start Session Ready Message, sent by the Responder first (RFC 5024 §5.3.1). */
public record Ssrm() implements OftpCommand {
    /** The only SSRM: the command has no fields. */
    public static final Ssrm INSTANCE = new Ssrm();
    static final int LENGTH = 19;
    private static final String MESSAGE = "ODETTE FTP READY ";

    @Override
    public CommandCode commandCode() {
        return CommandCode.SSRM;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.SSRM.octet());
        FieldWriter.alphanumeric(out, MESSAGE, MESSAGE.length());
        FieldWriter.carriageReturn(out);
    }

    static Ssrm read(FieldReader reader) {
        reader.command("SSRM", LENGTH);
        reader.literal("SSRMMSG", MESSAGE);
        reader.carriageReturn("SSRMCR");
        return INSTANCE;
    }
}
