package org.portcullis.oftp2.fuzz;

import java.io.ByteArrayOutputStream;

/** Exchange buffers of valid OFTP 2.0 commands, field by field from RFC 5024 §5.3, for the seed corpus. */
final class ExchangeBuffers {
    /** The largest subrecord: the count is the low 6 bits of the subrecord header (§7.3). */
    static final int MAX_SUBRECORD = 63;
    private static final int END_OF_RECORD = 0x80;

    private ExchangeBuffers() {
    }

    static byte[] ssrm() {
        return new ExchangeBufferBuilder('I').x("ODETTE FTP READY", 17).octet(ExchangeBufferBuilder.CR).build();
    }

    /** An SSID at level 5 with restart off and no special logic. */
    static byte[] ssid(String odetteId, String password, int bufferSize, char mode, int credit, boolean auth) {
        return new ExchangeBufferBuilder('X').n(5, 1).x(odetteId, 25).x(password, 8).n(bufferSize, 5)
                .x(String.valueOf(mode), 1).x("N", 1).x("N", 1).x("N", 1).n(credit, 3).x(auth ? "Y" : "N", 1)
                .x("", 4).x("", 8).octet(ExchangeBufferBuilder.CR).build();
    }

    /** An SFID for an unsecured, uncompressed file sent from the start. */
    static byte[] sfid(FileSpec file) {
        return new ExchangeBufferBuilder('H').x(file.datasetName(), 26).x("", 3).n(20261121, 8)
                .x(file.time(), 10).x("", 8).x(file.destination(), 25).x(file.originator(), 25)
                .x(String.valueOf(file.format()), 1).n(file.maxRecordLength(), 5)
                .n((file.octets() + 1023) / 1024, 13).n(0, 13).n(0, 17)
                .n(0, 2).n(0, 2).n(0, 1).n(0, 1).x("N", 1).textWithLength(file.description()).build();
    }

    static byte[] sfpa(long answerCount) {
        return new ExchangeBufferBuilder('2').n(answerCount, 17).build();
    }

    static byte[] sfna(int reason, boolean retry, String text) {
        return new ExchangeBufferBuilder('3').n(reason, 2).x(retry ? "Y" : "N", 1).textWithLength(text).build();
    }

    static byte[] efid(long recordCount, long unitCount) {
        return new ExchangeBufferBuilder('T').n(recordCount, 17).n(unitCount, 17).build();
    }

    static byte[] efpa(boolean changeDirection) {
        return new ExchangeBufferBuilder('4').x(changeDirection ? "Y" : "N", 1).build();
    }

    static byte[] efna(int reason, String text) {
        return new ExchangeBufferBuilder('5').n(reason, 2).textWithLength(text).build();
    }

    static byte[] esid(int reason, String text) {
        return new ExchangeBufferBuilder('F').n(reason, 2).textWithLength(text).octet(ExchangeBufferBuilder.CR)
                .build();
    }

    static byte[] cdt() {
        return new ExchangeBufferBuilder('C').x("", 2).build();
    }

    static byte[] cd() {
        return new ExchangeBufferBuilder('R').build();
    }

    static byte[] rtr() {
        return new ExchangeBufferBuilder('P').build();
    }

    static byte[] secd() {
        return new ExchangeBufferBuilder('J').build();
    }

    static byte[] auch(byte[] encryptedChallenge) {
        return new ExchangeBufferBuilder('A').u2Prefixed(encryptedChallenge).build();
    }

    static byte[] aurp(byte[] challenge) {
        return new ExchangeBufferBuilder('S').raw(challenge).build();
    }

    /** An EERP for {@code file}, sent back by its recipient; hash and signature are opaque here. */
    static byte[] eerp(FileSpec file, byte[] hash, byte[] signature) {
        return new ExchangeBufferBuilder('E').x(file.datasetName(), 26).x("", 3).n(20261121, 8).x(file.time(), 10)
                .x("", 8).x(file.originator(), 25).x(file.destination(), 25).u2Prefixed(hash)
                .u2Prefixed(signature).build();
    }

    /** A NERP for {@code file}, created by its destination with {@code reason}. */
    static byte[] nerp(FileSpec file, int reason, String text) {
        return new ExchangeBufferBuilder('N').x(file.datasetName(), 26).x("", 6).n(20261121, 8).x(file.time(), 10)
                .x(file.originator(), 25).x(file.destination(), 25).x(file.destination(), 25).n(reason, 2)
                .textWithLength(text).u2Prefixed(new byte[0]).u2Prefixed(new byte[0]).build();
    }

    /** A DATA carrying {@code octets} of a U-format file as full subrecords; {@code last} marks end of file. */
    static byte[] dataUnstructured(byte[] octets, boolean last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('D');
        for (int offset = 0; offset < octets.length; offset += MAX_SUBRECORD) {
            int count = Math.min(MAX_SUBRECORD, octets.length - offset);
            boolean endOfFile = last && offset + count == octets.length;
            out.write((endOfFile ? END_OF_RECORD : 0) | count);
            out.write(octets, offset, count);
        }
        return out.toByteArray();
    }

    /** A DATA carrying whole text records (T format), each ending with an end-of-record subrecord. */
    static byte[] dataText(String... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('D');
        for (String record : records) {
            byte[] octets = record.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int offset = 0; offset < octets.length || offset == 0; offset += MAX_SUBRECORD) {
                int count = Math.min(MAX_SUBRECORD, octets.length - offset);
                boolean endOfRecord = offset + count == octets.length;
                out.write((endOfRecord ? END_OF_RECORD : 0) | count);
                out.write(octets, offset, count);
            }
        }
        return out.toByteArray();
    }

    /** The file fields an SFID, EERP and NERP share. */
    record FileSpec(String datasetName, String time, String destination, String originator, char format,
                    int maxRecordLength, long octets, String description) {
    }
}
