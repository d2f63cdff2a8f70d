package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/**
 * End File Negative Answer (RFC 5024 §5.3.10).
 *
 * @param reason EFNAREAS, any {@link AnswerReason}
 * @param text   EFNAREAST, at most 999 UTF-8 octets (may be empty)
 */
public record Efna(AnswerReason reason, String text) implements OftpCommand {
    static final int MINIMUM_LENGTH = 6;

    public Efna {
        FieldCheck.notNull("EFNAREAS", reason);
        text = FieldCheck.text("EFNAREAST", text);
    }

    /** An EFNA whose text is the RFC's wording of the reason. */
    public static Efna of(AnswerReason reason) {
        return new Efna(reason, reason.text());
    }

    @Override
    public CommandCode commandCode() {
        return CommandCode.EFNA;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.EFNA.octet());
        FieldWriter.number(out, reason.code(), 2);
        FieldWriter.text(out, text);
    }

    static Efna read(FieldReader reader) {
        reader.variableCommand("EFNA", MINIMUM_LENGTH);
        int code = reader.smallNumber("EFNAREAS", 2);
        AnswerReason reason = AnswerReason.ofCode(code);
        if (reason == null) {
            throw FieldReader.invalid("EFNAREAS", "code " + code + " is not an EFNA reason");
        }
        String text = reader.textWithLength("EFNAREASL", "EFNAREAST");
        reader.end("EFNAREAST");
        return new Efna(reason, text);
    }
}
