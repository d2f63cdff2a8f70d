package org.portcullis.oftp2.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portcullis.oftp2.command.Wire.encode;
import static org.portcullis.oftp2.command.Wire.latin1;
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
import org.portcullis.oftp2.OftpProtocolException;

/** SSID parsing (RFC 5024 §5.3.2), with the mutations elgohr/go-oftp2 tests refuse. */
class SsidParserTest {
    static final String VECTOR = "X5O0013000000ACME          SECRET  04096BNNN064N            \r";

    @ParameterizedTest
    @EnumSource(ParseMode.class)
    void parsesAndReencodesTheVector(ParseMode mode) {
        Ssid ssid = (Ssid) parse(mode, VECTOR);
        assertEquals(5, ssid.level());
        assertEquals("O0013000000ACME", ssid.odetteId());
        assertEquals("SECRET", ssid.password());
        assertEquals(4096, ssid.bufferSize());
        assertEquals(SendReceiveMode.BOTH, ssid.mode());
        assertFalse(ssid.compression() || ssid.restart() || ssid.specialLogic() || ssid.secureAuthentication());
        assertEquals(64, ssid.credit());
        assertEquals("", ssid.user());
        assertEquals(VECTOR, latin1(encode(ssid)));
    }

    static Stream<Arguments> mutations() {
        return Stream.of(
                Arguments.of("level 3", mutate(VECTOR, 1, "3"), EsidReason.COMMAND_CONTAINED_INVALID_DATA, "SSIDLEV"),
                Arguments.of("level 6", mutate(VECTOR, 1, "6"), EsidReason.COMMAND_CONTAINED_INVALID_DATA, "SSIDLEV"),
                Arguments.of("space in SDEB", mutate(VECTOR, 35, "0 096"), EsidReason.COMMAND_CONTAINED_INVALID_DATA,
                        "SSIDSDEB"),
                Arguments.of("SDEB 127", mutate(VECTOR, 35, "00127"), EsidReason.COMMAND_CONTAINED_INVALID_DATA,
                        "SSIDSDEB"),
                Arguments.of("U in SR", mutate(VECTOR, 40, "U"), EsidReason.COMMAND_CONTAINED_INVALID_DATA, "SSIDSR"),
                Arguments.of("U in CMPR", mutate(VECTOR, 41, "U"), EsidReason.COMMAND_CONTAINED_INVALID_DATA,
                        "SSIDCMPR"),
                Arguments.of("U in REST", mutate(VECTOR, 42, "U"), EsidReason.COMMAND_CONTAINED_INVALID_DATA,
                        "SSIDREST"),
                Arguments.of("U in SPEC", mutate(VECTOR, 43, "U"), EsidReason.COMMAND_CONTAINED_INVALID_DATA,
                        "SSIDSPEC"),
                Arguments.of("credit 9U9", mutate(VECTOR, 44, "9U9"), EsidReason.COMMAND_CONTAINED_INVALID_DATA,
                        "SSIDCRED"),
                Arguments.of("credit -99", mutate(VECTOR, 44, "-99"), EsidReason.COMMAND_CONTAINED_INVALID_DATA,
                        "SSIDCRED"),
                Arguments.of("credit 000", mutate(VECTOR, 44, "000"), EsidReason.COMMAND_CONTAINED_INVALID_DATA,
                        "SSIDCRED"),
                Arguments.of("U in AUTH", mutate(VECTOR, 47, "U"), EsidReason.COMMAND_CONTAINED_INVALID_DATA,
                        "SSIDAUTH"),
                Arguments.of("no CR at 60", mutate(VECTOR, 60, " "), EsidReason.COMMAND_CONTAINED_INVALID_DATA,
                        "SSIDCR"),
                Arguments.of("62 octets", VECTOR + " ", EsidReason.EXCHANGE_BUFFER_SIZE_ERROR, "SSID"),
                Arguments.of("60 octets", VECTOR.substring(0, 60), EsidReason.EXCHANGE_BUFFER_SIZE_ERROR, "SSID"),
                Arguments.of("truncated", "X5ABC", EsidReason.EXCHANGE_BUFFER_SIZE_ERROR, "SSID"),
                Arguments.of("control octet in user", mutate(VECTOR, 52, "\t"),
                        EsidReason.COMMAND_CONTAINED_INVALID_DATA, "SSIDUSER"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void refusesMutationsInBothModes(String name, String octets, EsidReason reason, String field) {
        refused(ParseMode.STRICT, octets, reason, field);
        refused(ParseMode.LENIENT, octets, reason, field);
    }

    @ParameterizedTest
    @ValueSource(ints = {47, 48})
    void reservedOctetsMustBeSpacesOnlyInStrictMode(int offset) {
        String octets = mutate(mutate(VECTOR, 1, "4"), offset, "A");
        refused(ParseMode.STRICT, octets, EsidReason.COMMAND_CONTAINED_INVALID_DATA, "SSIDRSV1");
        assertEquals(4, ((Ssid) parse(ParseMode.LENIENT, octets)).level());
    }

    @Test
    void firstOctetYIsNotACommand() {
        refused(ParseMode.STRICT, mutate(VECTOR, 0, "Y"), EsidReason.COMMAND_NOT_RECOGNISED, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00128", "99999"})
    void acceptsTheBufferSizeLimits(String sdeb) {
        assertEquals(Integer.parseInt(sdeb), ((Ssid) parse(ParseMode.STRICT, mutate(VECTOR, 35, sdeb))).bufferSize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "4"})
    void parsesOftp1LevelsWithoutAuthentication(String level) {
        String octets = mutate(mutate(VECTOR, 1, level), 47, " ");
        Ssid ssid = (Ssid) parse(ParseMode.STRICT, octets);
        assertEquals(Integer.parseInt(level), ssid.level());
        assertFalse(ssid.secureAuthentication());
        assertEquals(octets, latin1(encode(ssid)));
    }

    @Test
    void acceptsTheAlternativeCarriageReturn() {
        assertEquals(parse(ParseMode.STRICT, VECTOR), parse(ParseMode.STRICT, mutate(VECTOR, 60, "\u008D")));
    }

    @Test
    void lowercasePasswordIsLenientOnlyAndNeverQuoted() {
        String octets = mutate(VECTOR, 27, "s3cr3t  ");
        OftpProtocolException e = refused(ParseMode.STRICT, octets, EsidReason.COMMAND_CONTAINED_INVALID_DATA,
                "SSIDPSWD");
        assertFalse(e.getMessage().contains("s3cr3t"));
        assertEquals("s3cr3t", ((Ssid) parse(ParseMode.LENIENT, octets)).password());
    }

    @Test
    void embeddedSpaceInTheCodeIsLenientOnly() {
        String octets = mutate(VECTOR, 2, "O0013000000 ACME");
        refused(ParseMode.STRICT, octets, EsidReason.COMMAND_CONTAINED_INVALID_DATA, "SSIDCODE");
        assertEquals("O0013000000 ACME", ((Ssid) parse(ParseMode.LENIENT, octets)).odetteId());
    }

    @ParameterizedTest
    @EnumSource(ParseMode.class)
    void acceptsABlankPassword(ParseMode mode) {
        assertEquals("", ((Ssid) parse(mode, mutate(VECTOR, 27, "        "))).password());
    }

    @Test
    void toStringMasksThePassword() {
        Ssid ssid = Ssid.builder().odetteId("O0013000000ACME").password("TOPSECRT").build();
        assertFalse(ssid.toString().contains("TOPSECRT"));
        assertTrue(ssid.toString().contains("****"));
    }

    @Test
    void builderDefaultsAreOftp2() {
        Ssid ssid = Ssid.builder().odetteId("O0013000000ACME").build();
        assertEquals(5, ssid.level());
        assertEquals(99_999, ssid.bufferSize());
        assertEquals(SendReceiveMode.BOTH, ssid.mode());
        assertTrue(ssid.restart());
        assertFalse(ssid.compression() || ssid.specialLogic() || ssid.secureAuthentication());
        assertEquals(64, ssid.credit());
        assertEquals(ssid, ssid.toBuilder().build());
    }

    @Test
    void constructorRefusesValuesThatCannotBeEncoded() {
        Ssid.Builder valid = Ssid.builder().odetteId("O0013000000ACME");
        assertThrows(IllegalArgumentException.class, () -> valid.odetteId("O".repeat(26)).build());
        assertThrows(IllegalArgumentException.class, () -> valid.odetteId("ACME").password("NINECHARS").build());
        assertThrows(IllegalArgumentException.class, () -> valid.password("").level(3).build());
        assertThrows(IllegalArgumentException.class, () -> valid.level(4).secureAuthentication(true).build());
        assertThrows(IllegalArgumentException.class,
                () -> valid.level(5).secureAuthentication(false).bufferSize(100_000).build());
        assertThrows(IllegalArgumentException.class, () -> valid.bufferSize(4096).credit(1000).build());
        assertThrows(IllegalArgumentException.class, () -> valid.credit(1).user("\u00E9").build());
        assertThrows(IllegalArgumentException.class, () -> valid.user("").mode(null).build());
    }

    @Test
    void trailingSpacesAreThePadAndAreDropped() {
        Ssid ssid = Ssid.builder().odetteId("O0013000000ACME   ").password("PW ").build();
        assertEquals("O0013000000ACME", ssid.odetteId());
        assertEquals("PW", ssid.password());
    }
}
