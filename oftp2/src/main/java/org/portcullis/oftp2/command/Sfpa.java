package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/** Start File Positive Answer with the agreed restart position (RFC 5024 §5.3.4). */
public record Sfpa(long answerCount) implements OftpCommand {
    static final int LENGTH = 18;
    static final long MAX_COUNT = 99_999_999_999_999_999L;

    public Sfpa {
        FieldCheck.range("SFPAACNT", answerCount, 0, MAX_COUNT);
    }

    @Override
    public CommandCode commandCode() {
        return CommandCode.SFPA;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.SFPA.octet());
        FieldWriter.number(out, answerCount, 17);
    }

    static Sfpa read(FieldReader reader) {
        reader.command("SFPA", LENGTH);
        return new Sfpa(reader.number("SFPAACNT", 17));
    }
}
