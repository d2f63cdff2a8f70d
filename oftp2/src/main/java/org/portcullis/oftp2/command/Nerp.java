package org.portcullis.oftp2.command;

import java.util.Arrays;
import java.util.Objects;

import io.netty.buffer.ByteBuf;

/**
 * Negative End Response: the file could not be delivered (RFC 5024 §5.3.14).
 *
 * @param destination NERPDEST, the file's originator
 * @param originator  NERPORIG, the file's final recipient
 * @param creator     NERPCREA, who created this NERP
 * @param reasonCode  NERPREAS, one of the codes {@link #isDefinedReason} accepts
 * @param hash        NERPHSH, empty unless signed; copied
 * @param signature   NERPSIG, empty when not signed; copied
 */
public record Nerp(String datasetName, String date, String time, String destination, String originator,
        String creator, int reasonCode, String text, byte[] hash, byte[] signature) implements OftpCommand {
    static final int MINIMUM_LENGTH = 135;

    public Nerp {
        datasetName = FieldCheck.alphanumeric("NERPDSN", datasetName, 26);
        FieldCheck.digits("NERPDATE", date, 8);
        FieldCheck.digits("NERPTIME", time, 10);
        destination = FieldCheck.alphanumeric("NERPDEST", destination, 25);
        originator = FieldCheck.alphanumeric("NERPORIG", originator, 25);
        creator = FieldCheck.alphanumeric("NERPCREA", creator, 25);
        if (!isDefinedReason(reasonCode)) {
            throw new InvalidFieldException("NERPREAS", "code " + reasonCode + " is not a NERP reason");
        }
        text = FieldCheck.text("NERPREAST", text);
        hash = FieldCheck.octets("NERPHSH", hash, 0, 0xFFFF);
        signature = FieldCheck.octets("NERPSIG", signature, 0, 0xFFFF);
        if (MINIMUM_LENGTH + FieldWriter.utf8Length(text) + hash.length + signature.length
                > FieldCheck.MAX_EXCHANGE_BUFFER) {
            throw new InvalidFieldException("NERPSIG", "text, hash and signature exceed a 99999-octet exchange buffer");
        }
    }

    /**
     * True for the NERPREAS codes of RFC 5024 §5.3.14: 03, 04, 09 (ESID received), 11-16 and 20-30
     * (SFNA/EFNA received), 31-36 (processing), 50 (operator), 90 (file size) and 99.
     */
    public static boolean isDefinedReason(int code) {
        return code == 3 || code == 4 || code == 9 || code >= 11 && code <= 16 || code >= 20 && code <= 36
                || code == 50 || code == 90 || code == 99;
    }

    /** A builder with empty text, hash and signature. */
    public static NerpBuilder builder() {
        return new NerpBuilder();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public CommandCode commandCode() {
        return CommandCode.NERP;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.NERP.octet());
        FieldWriter.alphanumeric(out, datasetName, 26);
        FieldWriter.spaces(out, 6);
        FieldWriter.digits(out, date);
        FieldWriter.digits(out, time);
        FieldWriter.alphanumeric(out, destination, 25);
        FieldWriter.alphanumeric(out, originator, 25);
        FieldWriter.alphanumeric(out, creator, 25);
        FieldWriter.number(out, reasonCode, 2);
        FieldWriter.text(out, text);
        FieldWriter.octets(out, hash);
        FieldWriter.octets(out, signature);
    }

    static Nerp read(FieldReader reader) {
        reader.variableCommand("NERP", MINIMUM_LENGTH);
        NerpBuilder builder = builder().datasetName(reader.alphanumeric("NERPDSN", 26));
        reader.reserved("NERPRSV1", 6);
        builder.date(reader.date("NERPDATE"))
                .time(reader.time("NERPTIME"))
                .destination(reader.alphanumeric("NERPDEST", 25))
                .originator(reader.alphanumeric("NERPORIG", 25))
                .creator(reader.alphanumeric("NERPCREA", 25))
                .reasonCode(reader.smallNumber("NERPREAS", 2))
                .text(reader.textWithLength("NERPREASL", "NERPREAST"))
                .hash(reader.octetsWithLength("NERPHSHL", "NERPHSH"))
                .signature(reader.octetsWithLength("NERPSIGL", "NERPSIG"));
        reader.end("NERPSIG");
        return builder.build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Nerp that && datasetName.equals(that.datasetName) && date.equals(that.date)
                && time.equals(that.time) && destination.equals(that.destination)
                && originator.equals(that.originator) && creator.equals(that.creator)
                && reasonCode == that.reasonCode && text.equals(that.text) && Arrays.equals(hash, that.hash)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        int result = Objects.hash(datasetName, date, time, destination, originator, creator, reasonCode, text);
        return 31 * (31 * result + Arrays.hashCode(hash)) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Nerp[datasetName=" + datasetName + ", date=" + date + ", time=" + time + ", destination="
                + destination + ", originator=" + originator + ", creator=" + creator + ", reasonCode="
                + reasonCode + ", text=" + text + ", hash=" + hash.length + " octets, signature="
                + signature.length + " octets]";
    }
}
