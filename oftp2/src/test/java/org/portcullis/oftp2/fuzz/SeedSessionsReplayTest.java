package org.portcullis.oftp2.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portcullis.oftp2.fuzz.SeedSessions.Seed;

/** The seeds reach where they should: valid sessions to their end, the others to their fault. */
class SeedSessionsReplayTest {

    static Stream<Seed> validSeeds() {
        return SeedSessions.all().stream().filter(Seed::valid);
    }

    static Stream<Seed> refusedSeeds() {
        return SeedSessions.all().stream().filter(seed -> !seed.valid());
    }

    @ParameterizedTest
    @MethodSource("validSeeds")
    void validSessionPassesFramingParsingAndRulesToTheEnd(Seed seed) {
        SessionReplay.Outcome outcome = replay(seed);

        assertNull(outcome.fault(), () -> seed.name() + " was refused: " + outcome.fault().getMessage());
        assertEquals(seed.script().commands(), outcome.commands(), seed.name());
    }

    @ParameterizedTest
    @MethodSource("refusedSeeds")
    void brokenSessionEndsWithAProtocolFault(Seed seed) {
        SessionReplay.Outcome outcome = replay(seed);

        assertNotNull(outcome.fault(), seed.name() + " was accepted");
        assertEquals(seed.refusal(), outcome.fault().reason(), outcome.fault().getMessage());
    }

    private static SessionReplay.Outcome replay(Seed seed) {
        return new SessionReplay(FuzzInput.decode(seed.input()), OftpFuzzTest.sessionRules()).run();
    }
}
