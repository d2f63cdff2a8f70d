package org.portcullis.oftp2.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portcullis.oftp2.command.Wire.mutate;
import static org.portcullis.oftp2.command.Wire.parse;
import static org.portcullis.oftp2.command.Wire.refused;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.oftp2.EsidReason;

/** Refusals of the commands other than SSID and SFID, with their reason codes and fields (RFC 5024 §5.3). */
class CommandParserTest {
    private static final EsidReason INVALID = EsidReason.COMMAND_CONTAINED_INVALID_DATA;
    private static final EsidReason SIZE = EsidReason.EXCHANGE_BUFFER_SIZE_ERROR;
    private static final String EERP = Wire.latin1(Wire.encode(
            Eerp.answering(CommandLayoutTest.sampleSfid()).hash(new byte[] {1, 2}).build()));
    private static final String NERP = Wire.latin1(Wire.encode(Nerp.builder()
            .answering(CommandLayoutTest.sampleSfid()).creator("C").reasonCode(35).text("ABC").build()));

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("empty", "", SIZE, null),
                Arguments.of("unknown command", "Z", EsidReason.COMMAND_NOT_RECOGNISED, null),
                Arguments.of("lowercase command", "x", EsidReason.COMMAND_NOT_RECOGNISED, null),
                Arguments.of("SSRM wrong text", "IODETTE FTP READY!\r", INVALID, "SSRMMSG"),
                Arguments.of("SSRM no CR", "IODETTE FTP READY  ", INVALID, "SSRMCR"),
                Arguments.of("SSRM long", "IODETTE FTP READY \r\n", SIZE, "SSRM"),
                Arguments.of("SECD long", "J ", SIZE, "SECD"),
                Arguments.of("CD long", "RR", SIZE, "CD"),
                Arguments.of("RTR long", "P\r", SIZE, "RTR"),
                Arguments.of("CDT of 2", "C ", SIZE, "CDT"),
                Arguments.of("CDT of 4", "C   ", SIZE, "CDT"),
                Arguments.of("SFPA letter", "2" + "0000000000000000A", INVALID, "SFPAACNT"),
                Arguments.of("SFPA short", "2" + "0".repeat(16), SIZE, "SFPA"),
                Arguments.of("EFID short", "T" + "0".repeat(33), SIZE, "EFID"),
                Arguments.of("EFID letter", "T" + "0".repeat(17) + "0".repeat(16) + "-", INVALID, "EFIDUCNT"),
                Arguments.of("EFPA not Y/N", "4y", INVALID, "EFPACD"),
                Arguments.of("SFNA EFNA-only reason", "321N000", INVALID, "SFNAREAS"),
                Arguments.of("SFNA undefined reason", "307N000", INVALID, "SFNAREAS"),
                Arguments.of("SFNA bad retry", "301X000", INVALID, "SFNARRTR"),
                Arguments.of("SFNA text longer", "301N004ABC", SIZE, "SFNAREASL"),
                Arguments.of("SFNA text shorter", "301N002ABC", SIZE, "SFNAREAST"),
                Arguments.of("SFNA short", "301N00", SIZE, "SFNA"),
                Arguments.of("EFNA undefined reason", "524000", INVALID, "EFNAREAS"),
                Arguments.of("EFNA letters", "5AB000", INVALID, "EFNAREAS"),
                Arguments.of("EFNA text longer", "501001", SIZE, "EFNAREASL"),
                Arguments.of("ESID undefined reason", "F13000\r", INVALID, "ESIDREAS"),
                Arguments.of("ESID bad CR", "F00000X", INVALID, "ESIDCR"),
                Arguments.of("ESID after CR", "F00000\r\r", SIZE, "ESIDCR"),
                Arguments.of("ESID text longer", "F00005ABC\r", SIZE, "ESIDREASL"),
                Arguments.of("ESID malformed UTF-8", "F00001\u00FF\r", INVALID, "ESIDREAST"),
                Arguments.of("AUCH short", "A\0", SIZE, "AUCH"),
                Arguments.of("AUCH length past end", "A\0\u0003AB", SIZE, "AUCHCHLL"),
                Arguments.of("AUCH octets after", "A\0\u0001AB", SIZE, "AUCHCHAL"),
                Arguments.of("AURP 19", "S" + "x".repeat(19), SIZE, "AURP"),
                Arguments.of("AURP 21", "S" + "x".repeat(21), SIZE, "AURP"),
                Arguments.of("EERP short", EERP.substring(0, 109), SIZE, "EERP"),
                Arguments.of("EERP hash past end", mutate(EERP, 107, "\u0009"), SIZE, "EERPHSHL"),
                Arguments.of("EERP no signature length", EERP.substring(0, EERP.length() - 1), SIZE, "EERPSIGL"),
                Arguments.of("EERP octets after", EERP + "\0", SIZE, "EERPSIG"),
                Arguments.of("EERP letter in date", mutate(EERP, 30, "X"), INVALID, "EERPDATE"),
                Arguments.of("NERP reason 17", mutate(NERP, 126, "17"), INVALID, "NERPREAS"),
                Arguments.of("NERP reason 10", mutate(NERP, 126, "10"), INVALID, "NERPREAS"),
                Arguments.of("NERP reason 37", mutate(NERP, 126, "37"), INVALID, "NERPREAS"),
                Arguments.of("NERP text longer", mutate(NERP, 128, "009"), SIZE, "NERPREASL"),
                Arguments.of("NERP signature past end", mutate(NERP, NERP.length() - 1, "\u0001"), SIZE, "NERPSIGL"),
                Arguments.of("NERP counter 0000 strict", mutate(NERP, 47, "0000"), INVALID, "NERPTIME"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWithReasonAndField(String name, String octets, EsidReason reason, String field) {
        refused(ParseMode.STRICT, octets, reason, field);
    }

    @ParameterizedTest
    @EnumSource(ParseMode.class)
    void acceptsCdtWithoutItsReservedOctets(ParseMode mode) {
        assertEquals(Cdt.INSTANCE, parse(mode, "C"));
    }

    @Test
    void acceptsEsidWithoutCarriageReturnOnlyInLenientMode() {
        refused(ParseMode.STRICT, "F00000", SIZE, "ESIDCR");
        assertEquals(new Esid(EsidReason.NORMAL_TERMINATION, ""), parse(ParseMode.LENIENT, "F00000"));
    }

    @Test
    void acceptsCounterZeroOnlyInLenientMode() {
        refused(ParseMode.STRICT, mutate(EERP, 44, "0000"), INVALID, "EERPTIME");
        assertEquals("0930150000", ((Eerp) parse(ParseMode.LENIENT, mutate(EERP, 44, "0000"))).time());
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 9, 11, 16, 20, 30, 31, 36, 50, 90, 99})
    void acceptsEveryNerpReason(int code) {
        Nerp nerp = (Nerp) parse(ParseMode.STRICT, mutate(NERP, 126, String.format("%02d", code)));
        assertEquals(code, nerp.reasonCode());
    }

    @ParameterizedTest
    @EnumSource(AnswerReason.class)
    void acceptsEveryEfnaReasonAndTheSfnaOnes(AnswerReason reason) {
        String code = String.format("%02d", reason.code());
        assertEquals(reason, ((Efna) parse(ParseMode.STRICT, "5" + code + "000")).reason());
        if (reason.efnaOnly()) {
            refused(ParseMode.STRICT, "3" + code + "N000", INVALID, "SFNAREAS");
        } else {
            assertEquals(reason, ((Sfna) parse(ParseMode.STRICT, "3" + code + "N000")).reason());
        }
    }

    @ParameterizedTest
    @EnumSource(EsidReason.class)
    void acceptsEveryEsidReason(EsidReason reason) {
        assertEquals(Esid.of(reason), parse(ParseMode.STRICT, Wire.encode(Esid.of(reason))));
    }
}
