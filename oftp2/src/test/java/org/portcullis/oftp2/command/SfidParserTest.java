package org.portcullis.oftp2.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.portcullis.oftp2.command.Wire.encode;
import static org.portcullis.oftp2.command.Wire.latin1;
import static org.portcullis.oftp2.command.Wire.mutate;
import static org.portcullis.oftp2.command.Wire.octets;
import static org.portcullis.oftp2.command.Wire.parse;
import static org.portcullis.oftp2.command.Wire.refused;

import java.time.LocalDateTime;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.portcullis.oftp2.EsidReason;

/** SFID parsing field by field (RFC 5024 §5.3.3), strict and lenient. */
class SfidParserTest {
    static final String BASE = latin1(encode(CommandLayoutTest.sampleSfid().toBuilder()
            .description("HELLO WORLD").build()));
    private static final EsidReason INVALID = EsidReason.COMMAND_CONTAINED_INVALID_DATA;
    private static final EsidReason SIZE = EsidReason.EXCHANGE_BUFFER_SIZE_ERROR;

    static Stream<Arguments> refusedInBothModes() {
        return Stream.of(
                Arguments.of("control octet in DSN", mutate(BASE, 1, "\u007F"), INVALID, "SFIDDSN"),
                Arguments.of("letter in date", mutate(BASE, 30, "2026A121"), INVALID, "SFIDDATE"),
                Arguments.of("letter in time", mutate(BASE, 38, "09301500O1"), INVALID, "SFIDTIME"),
                Arguments.of("format X", mutate(BASE, 106, "X"), INVALID, "SFIDFMT"),
                Arguments.of("record length for U", mutate(BASE, 107, "00100"), INVALID, "SFIDLRECL"),
                Arguments.of("space in file size", mutate(BASE, 112, " "), INVALID, "SFIDFSIZ"),
                Arguments.of("letter in original size", mutate(BASE, 137, "K"), INVALID, "SFIDOSIZ"),
                Arguments.of("letter in restart", mutate(BASE, 154, "X"), INVALID, "SFIDREST"),
                Arguments.of("security 04", mutate(BASE, 155, "04"), INVALID, "SFIDSEC"),
                Arguments.of("cipher suite 08", mutate(BASE, 157, "08"), INVALID, "SFIDCIPH"),
                Arguments.of("compression 2", mutate(BASE, 159, "2"), INVALID, "SFIDCOMP"),
                Arguments.of("envelope 2", mutate(BASE, 160, "2"), INVALID, "SFIDENV"),
                Arguments.of("sign X", mutate(BASE, 161, "X"), INVALID, "SFIDSIGN"),
                Arguments.of("letter in DESCL", mutate(BASE, 162, "0A1"), INVALID, "SFIDDESCL"),
                Arguments.of("DESCL past the end", mutate(BASE, 162, "012"), SIZE, "SFIDDESCL"),
                Arguments.of("DESCL short of the end", mutate(BASE, 162, "010"), SIZE, "SFIDDESC"),
                Arguments.of("malformed UTF-8", mutate(BASE, 165, "\u00C3("), INVALID, "SFIDDESC"),
                Arguments.of("truncated", BASE.substring(0, 164), SIZE, "SFID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedInBothModes")
    void refusesInBothModes(String name, String octets, EsidReason reason, String field) {
        refused(ParseMode.STRICT, octets, reason, field);
        refused(ParseMode.LENIENT, octets, reason, field);
    }

    static Stream<Arguments> refusedInStrictModeOnly() {
        return Stream.of(
                Arguments.of("lowercase DSN", mutate(BASE, 1, "invoice"), "SFIDDSN"),
                Arguments.of("embedded space in destination", mutate(BASE, 56, "O0013 "), "SFIDDEST"),
                Arguments.of("reserved not spaces", mutate(BASE, 27, "ABC"), "SFIDRSV1"),
                Arguments.of("month 13", mutate(BASE, 30, "20261321"), "SFIDDATE"),
                Arguments.of("30 February", mutate(BASE, 30, "20260230"), "SFIDDATE"),
                Arguments.of("hour 24", mutate(BASE, 38, "24"), "SFIDTIME"),
                Arguments.of("second 60", mutate(BASE, 42, "60"), "SFIDTIME"),
                Arguments.of("counter 0000", mutate(BASE, 44, "0000"), "SFIDTIME"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedInStrictModeOnly")
    void refusesInStrictModeOnly(String name, String octets, String field) {
        refused(ParseMode.STRICT, octets, INVALID, field);
        parse(ParseMode.LENIENT, octets);
    }

    @Test
    void lenientKeepsLowercaseAndEmbeddedSpaces() {
        Sfid sfid = (Sfid) parse(ParseMode.LENIENT, mutate(BASE, 56, "remote odette ident"));
        assertEquals("remote odette ident", sfid.destination());
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void readsEveryFormat(FileFormat format) {
        int recordLength = format == FileFormat.FIXED || format == FileFormat.VARIABLE ? 80 : 0;
        Sfid sfid = CommandLayoutTest.sampleSfid().toBuilder().format(format).maxRecordLength(recordLength).build();
        assertEquals(sfid, parse(ParseMode.STRICT, encode(sfid)));
    }

    @Test
    void readsSecuredFilesAndTheLargestNumbers() {
        Sfid sfid = CommandLayoutTest.sampleSfid().toBuilder().security(3).cipherSuite(7).compression(1).envelope(1)
                .signedEerp(true).fileSize(Sfid.MAX_SIZE).originalSize(Sfid.MAX_SIZE)
                .restartPosition(Sfpa.MAX_COUNT).description("é".repeat(499) + "x").build();
        byte[] octets = encode(sfid);
        assertEquals(165 + 999, octets.length);
        assertEquals(sfid, parse(ParseMode.STRICT, octets));
    }

    @Test
    void constructorRefusesValuesThatCannotBeEncoded() {
        SfidBuilder valid = CommandLayoutTest.sampleSfid().toBuilder();
        assertThrows(IllegalArgumentException.class, () -> valid.description("x".repeat(1000)).build());
        assertThrows(IllegalArgumentException.class, () -> valid.description("").date("2026112").build());
        assertThrows(IllegalArgumentException.class, () -> valid.date("20261121").time(null).build());
        assertThrows(IllegalArgumentException.class, () -> valid.time("0930150001").fileSize(-1).build());
        assertThrows(IllegalArgumentException.class,
                () -> valid.fileSize(0).format(FileFormat.VARIABLE).maxRecordLength(70_000).security(1).build());
        assertThrows(IllegalArgumentException.class,
                () -> valid.security(0).maxRecordLength(0).datasetName("D".repeat(27)).build());
        assertThrows(IllegalArgumentException.class, () -> valid.timestamp(LocalDateTime.now(), 0));
    }

    @Test
    void timestampFormatsDateTimeAndCounter() {
        Sfid sfid = Sfid.builder().datasetName("F").destination("D").originator("O")
                .timestamp(LocalDateTime.of(2026, 11, 21, 9, 5, 7), 42).build();
        assertEquals("20261121", sfid.date());
        assertEquals("0905070042", sfid.time());
    }

    @Test
    void parsesAnOctetExactCopy() {
        assertEquals(BASE, latin1(encode(parse(ParseMode.STRICT, octets(BASE)))));
    }
}
