package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/**
 * Start File identification (RFC 5024 §5.3.3). X values are held without their pad spaces; the
 * date (CCYYMMDD) and time (HHMMSScccc) stamps as their digits. {@link #builder()} starts from an
 * unstructured (U format), unsecured, uncompressed file.
 */
public record Sfid(String datasetName, String date, String time, String user, String destination,
        String originator, FileFormat format, int maxRecordLength, long fileSize, long originalSize,
        long restartPosition, int security, int cipherSuite, int compression, int envelope, boolean signedEerp,
        String description) implements OftpCommand {
    static final int MINIMUM_LENGTH = 165;
    static final long MAX_SIZE = 9_999_999_999_999L;
    /** SFIDLRECL's limit for a V format file that is compressed, encrypted or signed. */
    private static final int MAX_SECURED_RECORD = 65_536;

    public Sfid {
        datasetName = FieldCheck.alphanumeric("SFIDDSN", datasetName, 26);
        FieldCheck.digits("SFIDDATE", date, 8);
        FieldCheck.digits("SFIDTIME", time, 10);
        user = FieldCheck.alphanumeric("SFIDUSER", user, 8);
        destination = FieldCheck.alphanumeric("SFIDDEST", destination, 25);
        originator = FieldCheck.alphanumeric("SFIDORIG", originator, 25);
        FieldCheck.notNull("SFIDFMT", format);
        checkRecordLength(format, maxRecordLength, security != 0 || compression != 0);
        FieldCheck.range("SFIDFSIZ", fileSize, 0, MAX_SIZE);
        FieldCheck.range("SFIDOSIZ", originalSize, 0, MAX_SIZE);
        FieldCheck.range("SFIDREST", restartPosition, 0, Sfpa.MAX_COUNT);
        FieldCheck.range("SFIDSEC", security, 0, 3);
        FieldCheck.range("SFIDCIPH", cipherSuite, 0, 7);
        FieldCheck.range("SFIDCOMP", compression, 0, 1);
        FieldCheck.range("SFIDENV", envelope, 0, 1);
        description = FieldCheck.text("SFIDDESC", description);
    }

    private static void checkRecordLength(FileFormat format, int maxRecordLength, boolean securedOrCompressed) {
        FieldCheck.range("SFIDLRECL", maxRecordLength, 0, 99_999);
        if ((format == FileFormat.UNSTRUCTURED || format == FileFormat.TEXT) && maxRecordLength != 0) {
            throw new InvalidFieldException("SFIDLRECL", "must be 00000 for format " + format.letter());
        }
        if (format == FileFormat.VARIABLE && securedOrCompressed && maxRecordLength > MAX_SECURED_RECORD) {
            throw new InvalidFieldException("SFIDLRECL", "exceeds 65536 for a secured or compressed V file");
        }
    }

    /** A builder for a U format file without security, compression or description. */
    public static SfidBuilder builder() {
        return new SfidBuilder();
    }

    /** A builder starting from this SFID's values. */
    public SfidBuilder toBuilder() {
        return new SfidBuilder().datasetName(datasetName).date(date).time(time).user(user)
                .destination(destination).originator(originator).format(format).maxRecordLength(maxRecordLength)
                .fileSize(fileSize).originalSize(originalSize).restartPosition(restartPosition).security(security)
                .cipherSuite(cipherSuite).compression(compression).envelope(envelope).signedEerp(signedEerp)
                .description(description);
    }

    @Override
    public CommandCode commandCode() {
        return CommandCode.SFID;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.SFID.octet());
        FieldWriter.alphanumeric(out, datasetName, 26);
        FieldWriter.spaces(out, 3);
        FieldWriter.digits(out, date);
        FieldWriter.digits(out, time);
        FieldWriter.alphanumeric(out, user, 8);
        FieldWriter.alphanumeric(out, destination, 25);
        FieldWriter.alphanumeric(out, originator, 25);
        out.writeByte(format.letter());
        FieldWriter.number(out, maxRecordLength, 5);
        FieldWriter.number(out, fileSize, 13);
        FieldWriter.number(out, originalSize, 13);
        FieldWriter.number(out, restartPosition, 17);
        FieldWriter.number(out, security, 2);
        FieldWriter.number(out, cipherSuite, 2);
        FieldWriter.number(out, compression, 1);
        FieldWriter.number(out, envelope, 1);
        FieldWriter.flag(out, signedEerp);
        FieldWriter.text(out, description);
    }

    static Sfid read(FieldReader reader) {
        reader.variableCommand("SFID", MINIMUM_LENGTH);
        SfidBuilder builder = builder().datasetName(reader.alphanumeric("SFIDDSN", 26));
        reader.reserved("SFIDRSV1", 3);
        builder.date(reader.date("SFIDDATE"))
                .time(reader.time("SFIDTIME"))
                .user(reader.alphanumeric("SFIDUSER", 8))
                .destination(reader.alphanumeric("SFIDDEST", 25))
                .originator(reader.alphanumeric("SFIDORIG", 25))
                .format(FileFormat.ofLetter(reader.letter("SFIDFMT", "FVUT")))
                .maxRecordLength(reader.smallNumber("SFIDLRECL", 5))
                .fileSize(reader.number("SFIDFSIZ", 13))
                .originalSize(reader.number("SFIDOSIZ", 13))
                .restartPosition(reader.number("SFIDREST", 17))
                .security(reader.smallNumber("SFIDSEC", 2))
                .cipherSuite(reader.smallNumber("SFIDCIPH", 2))
                .compression(reader.smallNumber("SFIDCOMP", 1))
                .envelope(reader.smallNumber("SFIDENV", 1))
                .signedEerp(reader.flag("SFIDSIGN"))
                .description(reader.textWithLength("SFIDDESCL", "SFIDDESC"));
        reader.end("SFIDDESC");
        return builder.build();
    }
}
