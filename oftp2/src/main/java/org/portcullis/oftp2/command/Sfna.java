package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/**
 * Start File Negative Answer (RFC 5024 §5.3.5).
 *
 * @param reason     SFNAREAS; the EFNA-only codes 21-23 are refused
 * @param retryLater SFNARRTR
 * @param text       SFNAREAST, at most 999 UTF-8 octets (may be empty)
 */
public record Sfna(AnswerReason reason, boolean retryLater, String text) implements OftpCommand {
    static final int MINIMUM_LENGTH = 7;

    public Sfna {
        FieldCheck.notNull("SFNAREAS", reason);
        if (reason.efnaOnly()) {
            throw new InvalidFieldException("SFNAREAS", "reason " + reason.code() + " is for EFNA only");
        }
        text = FieldCheck.text("SFNAREAST", text);
    }

    /** An SFNA whose text is the RFC's wording of the reason. */
    public static Sfna of(AnswerReason reason, boolean retryLater) {
        return new Sfna(reason, retryLater, reason.text());
    }

    @Override
    public CommandCode commandCode() {
        return CommandCode.SFNA;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.SFNA.octet());
        FieldWriter.number(out, reason.code(), 2);
        FieldWriter.flag(out, retryLater);
        FieldWriter.text(out, text);
    }

    static Sfna read(FieldReader reader) {
        reader.variableCommand("SFNA", MINIMUM_LENGTH);
        int code = reader.smallNumber("SFNAREAS", 2);
        AnswerReason reason = AnswerReason.ofCode(code);
        if (reason == null || reason.efnaOnly()) {
            throw FieldReader.invalid("SFNAREAS", "code " + code + " is not an SFNA reason");
        }
        boolean retryLater = reader.flag("SFNARRTR");
        String text = reader.textWithLength("SFNAREASL", "SFNAREAST");
        reader.end("SFNAREAST");
        return new Sfna(reason, retryLater, text);
    }
}
