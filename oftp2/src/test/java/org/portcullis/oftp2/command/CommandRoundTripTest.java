package org.portcullis.oftp2.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.portcullis.oftp2.command.Wire.encode;
import static org.portcullis.oftp2.command.Wire.parse;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portcullis.oftp2.EsidReason;

/** Every command survives build, writeTo and parse unchanged, in both modes (RFC 5024 §5.3). */
class CommandRoundTripTest {

    static Stream<OftpCommand> commands() {
        Sfid sfid = CommandLayoutTest.sampleSfid();
        byte[] twenty = new byte[20];
        Arrays.fill(twenty, (byte) 0x5A);
        return Stream.of(Ssrm.INSTANCE,
                Ssid.builder().odetteId("O0013000000ACME").password("PW").secureAuthentication(true).user("U1")
                        .compression(true).specialLogic(true).mode(SendReceiveMode.RECEIVER_ONLY).credit(999).build(),
                Ssid.builder().level(1).odetteId("O0013000000ACME").mode(SendReceiveMode.SENDER_ONLY).build(),
                Secd.INSTANCE, new Auch(new byte[330]), new Aurp(twenty), sfid, new Sfpa(Sfpa.MAX_COUNT),
                Sfna.of(AnswerReason.UNSPECIFIED, false), new Sfna(AnswerReason.INVALID_FILENAME, true, ""),
                Cdt.INSTANCE, new Efid(Sfpa.MAX_COUNT, 12_345), new Efpa(true),
                Efna.of(AnswerReason.FILE_DECOMPRESSION_FAILURE), Esid.of(EsidReason.UNSPECIFIED_ABORT_CODE),
                new Esid(EsidReason.INVALID_PASSWORD, "Zugang verweigert \u2013 Passwort falsch"), Cd.INSTANCE,
                Eerp.answering(sfid).hash(new byte[32]).signature(new byte[1100]).build(),
                Nerp.builder().answering(sfid).creator("O0013000000ACME").reasonCode(99).hash(new byte[] {7})
                        .signature(new byte[] {8, 9}).build(),
                Rtr.INSTANCE);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void parsesWhatItWrites(OftpCommand command) {
        byte[] octets = encode(command);
        assertEquals(command.commandCode().octet(), octets[0]);
        for (ParseMode mode : ParseMode.values()) {
            OftpCommand parsed = parse(mode, octets);
            assertEquals(command, parsed);
            assertEquals(command.hashCode(), parsed.hashCode());
            assertArrayEquals(octets, encode(parsed));
        }
    }

    @Test
    void coversEveryCommandButData() {
        Set<CommandCode> covered = commands().map(OftpCommand::commandCode).collect(Collectors.toSet());
        assertEquals(EnumSet.complementOf(EnumSet.of(CommandCode.DATA)), covered);
    }

    @Test
    void octetComponentsAreCopiedInAndOut() {
        byte[] challenge = {1, 2, 3};
        Auch auch = new Auch(challenge);
        challenge[0] = 9;
        assertEquals(1, auch.challenge()[0]);
        auch.challenge()[1] = 9;
        assertEquals(2, auch.challenge()[1]);
        assertNotSame(auch.challenge(), auch.challenge());
        assertEquals(new Auch(new byte[] {1, 2, 3}), auch);
    }

    @Test
    void octetValuesAreNotShownByToString() {
        Aurp aurp = new Aurp(new byte[20]);
        assertEquals("Aurp[response=20 octets]", aurp.toString());
    }
}
