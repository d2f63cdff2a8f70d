package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Set Credit: the Listener resets the Speaker's credit to the window (RFC 5024 §5.3.7). */
public record Cdt() implements OftpCommand {
    /** The only CDT: the command has no fields. */
    public static final Cdt INSTANCE = new Cdt();
    static final int LENGTH = 3;

    @Override
    public CommandCode commandCode() {
        return CommandCode.CDT;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.CDT.octet());
        FieldWriter.spaces(out, 2);
    }

    static Cdt read(FieldReader reader) {
        // Some peers omit the two reserved octets (Oftp4Net notes it); accepted in both modes.
        if (reader.remaining() == 1) {
            reader.command("CDT", 1);
            return INSTANCE;
        }
        reader.command("CDT", LENGTH);
        reader.reserved("CDTRSV1", 2);
        return INSTANCE;
    }
}
