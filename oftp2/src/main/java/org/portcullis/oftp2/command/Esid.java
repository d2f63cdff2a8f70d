package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

import org.portcullis.oftp2.EsidReason;

/**
 * End Session with its reason (RFC 5024 §5.3.11).
 *
 * @param reason ESIDREAS
 * @param text   ESIDREAST, at most 999 UTF-8 octets (may be empty)
 */
public record Esid(EsidReason reason, String text) implements OftpCommand {
    static final int MINIMUM_LENGTH = 6;

    public Esid {
        FieldCheck.notNull("ESIDREAS", reason);
        text = FieldCheck.text("ESIDREAST", text);
    }

    /** An ESID whose text is the RFC's wording of the reason. */
    public static Esid of(EsidReason reason) {
        return new Esid(reason, reason.text());
    }

    /** ESID 00, normal session termination. */
    public static Esid normal() {
        return of(EsidReason.NORMAL_TERMINATION);
    }

    @Override
    public CommandCode commandCode() {
        return CommandCode.ESID;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.ESID.octet());
        FieldWriter.number(out, reason.code(), 2);
        FieldWriter.text(out, text);
        FieldWriter.carriageReturn(out);
    }

    static Esid read(FieldReader reader) {
        reader.variableCommand("ESID", MINIMUM_LENGTH);
        int code = reader.smallNumber("ESIDREAS", 2);
        EsidReason reason = EsidReason.ofCode(code);
        if (reason == null) {
            throw FieldReader.invalid("ESIDREAS", "code " + code + " is not an ESID reason");
        }
        String text = reader.textWithLength("ESIDREASL", "ESIDREAST");
        if (reader.remaining() == 0) {
            // Some peers omit the final CR (Oftp4Net accepts "F00000"); only LENIENT follows them.
            if (reader.mode() == ParseMode.LENIENT) {
                return new Esid(reason, text);
            }
            throw FieldReader.sizeError("ESIDCR", "missing after the reason text");
        }
        reader.carriageReturn("ESIDCR");
        reader.end("ESIDCR");
        return new Esid(reason, text);
    }
}
