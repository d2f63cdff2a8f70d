package org.portcullis.oftp2.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portcullis.oftp2.command.Wire.encode;
import static org.portcullis.oftp2.command.Wire.latin1;
import static org.portcullis.oftp2.command.Wire.octets;
import static org.portcullis.oftp2.command.Wire.parse;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Each command's octets against the RFC 5024 §5.3 layout, written out by hand. */
class CommandLayoutTest {

    static Sfid sampleSfid() {
        return Sfid.builder().datasetName("INVOICE.2026.0001").date("20261121").time("0930150001")
                .destination("O0013000000ACME").originator("O0013000000PORTCULLIS").fileSize(42).originalSize(40)
                .description("Grüße").build();
    }

    private static void assertLayout(String expected, OftpCommand command) {
        assertEquals(expected, latin1(encode(command)));
        assertEquals(command, parse(ParseMode.STRICT, expected));
    }

    @Test
    void ssrmIsTheReadyMessageAndCarriageReturn() {
        assertLayout("IODETTE FTP READY \r", Ssrm.INSTANCE);
        assertEquals(19, encode(Ssrm.INSTANCE).length);
    }

    @Test
    void ssidMatchesTheOftp4NetVector() {
        Ssid ssid = Ssid.builder().odetteId("O0013000000ACME").password("SECRET").bufferSize(4096).restart(false)
                .credit(64).build();
        assertLayout("X5O0013000000ACME          SECRET  04096BNNN064N            \r", ssid);
    }

    @Test
    void ssidOfLevelFourHasNoAuthenticationOctet() {
        Ssid ssid = Ssid.builder().level(4).odetteId("O0013000000ACME").password("SECRET").bufferSize(4096)
                .credit(64).build();
        assertLayout("X4O0013000000ACME          SECRET  04096BNYN064             \r", ssid);
    }

    @Test
    void sfidPadsEveryFieldAndCountsTheDescriptionInUtf8Octets() {
        String expected = "H" + "INVOICE.2026.0001         " + "   " + "20261121" + "0930150001" + "        "
                + "O0013000000ACME          " + "O0013000000PORTCULLIS    " + "U" + "00000" + "0000000000042"
                + "0000000000040" + "00000000000000000" + "00" + "00" + "0" + "0" + "N" + "007" + "Grüße";
        byte[] utf8 = expected.getBytes(StandardCharsets.UTF_8);
        assertEquals(172, utf8.length);
        assertArrayEquals(utf8, encode(sampleSfid()));
        assertEquals(sampleSfid(), parse(ParseMode.STRICT, utf8));
    }

    @Test
    void sfpaIsSeventeenDigits() {
        assertLayout("2" + "00000000000001234", new Sfpa(1234));
    }

    @Test
    void cdtIsTheCodeAndTwoSpaces() {
        assertLayout("C  ", Cdt.INSTANCE);
    }

    @Test
    void efidCarriesRecordAndUnitCounts() {
        assertLayout("T" + "00000000000000000" + "00000000000008546", new Efid(0, 8546));
    }

    @Test
    void efpaIsTheChangeDirectionFlag() {
        assertLayout("4N", new Efpa(false));
        assertLayout("4Y", new Efpa(true));
    }

    @Test
    void esidCarriesLengthTextAndCarriageReturn() {
        assertLayout("F00026Normal session termination\r", Esid.normal());
        assertEquals(33, encode(Esid.normal()).length);
    }

    @Test
    void eerpEndsWithBinaryHashAndSignatureLengths() {
        Eerp eerp = Eerp.answering(sampleSfid()).hash(new byte[] {1, 2, 3}).build();
        String expected = "E" + "INVOICE.2026.0001         " + "   " + "20261121" + "0930150001" + "        "
                + "O0013000000PORTCULLIS    " + "O0013000000ACME          " + "\0\u0003\u0001\u0002\u0003" + "\0\0";
        assertLayout(expected, eerp);
        assertEquals(113, encode(eerp).length);
    }

    @Test
    void nerpHasSixReservedOctetsAndItsReasonText() {
        Nerp nerp = Nerp.builder().answering(sampleSfid()).creator("O0013000000ACME").reasonCode(35)
                .text("Not delivered").build();
        String expected = "N" + "INVOICE.2026.0001         " + "      " + "20261121" + "0930150001"
                + "O0013000000PORTCULLIS    " + "O0013000000ACME          " + "O0013000000ACME          " + "35"
                + "013Not delivered" + "\0\0" + "\0\0";
        assertLayout(expected, nerp);
    }

    @Test
    void sfnaAndEfnaCarryReasonAndText() {
        assertLayout("313Y015Duplicate file!", new Sfna(AnswerReason.DUPLICATE_FILE, true, "Duplicate file!"));
        assertLayout("522000", new Efna(AnswerReason.FILE_DECRYPTION_FAILURE, ""));
    }

    @Test
    void authenticationCommandsCarryTheirOctets() {
        byte[] twenty = new byte[20];
        twenty[19] = (byte) 0xFF;
        assertArrayEquals(octets("S" + "\0".repeat(19) + "\u00FF"), encode(new Aurp(twenty)));
        assertArrayEquals(octets("A\0\u0002\u00AB\u00CD"), encode(new Auch(new byte[] {(byte) 0xAB, (byte) 0xCD})));
        assertEquals("J", latin1(encode(Secd.INSTANCE)));
        assertEquals("R", latin1(encode(Cd.INSTANCE)));
        assertEquals("P", latin1(encode(Rtr.INSTANCE)));
    }
}
