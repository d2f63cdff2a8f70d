package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** End File: record and octet counts of the file sent (RFC 5024 §5.3.8). */
public record Efid(long recordCount, long unitCount) implements OftpCommand {
    static final int LENGTH = 35;

    public Efid {
        FieldCheck.range("EFIDRCNT", recordCount, 0, Sfpa.MAX_COUNT);
        FieldCheck.range("EFIDUCNT", unitCount, 0, Sfpa.MAX_COUNT);
    }

    @Override
    public CommandCode commandCode() {
        return CommandCode.EFID;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.EFID.octet());
        FieldWriter.number(out, recordCount, 17);
        FieldWriter.number(out, unitCount, 17);
    }

    static Efid read(FieldReader reader) {
        reader.command("EFID", LENGTH);
        long records = reader.number("EFIDRCNT", 17);
        return new Efid(records, reader.number("EFIDUCNT", 17));
    }
}
