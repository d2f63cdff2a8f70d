package org.portcullis.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BackendApiMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new BackendApiMain()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void helpShowsUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().startsWith("Usage: backend-api "), out::toString);
        assertTrue(out.toString().contains("--version"), out::toString);
    }

    @Test
    void versionNamesTheCommand() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("backend-api "), out::toString);
    }

    @Test
    void withoutACommandPrintsUsageAndExitsTwo() {
        assertEquals(CommandLine.ExitCode.USAGE, run());
        assertTrue(err.toString().startsWith("Usage: backend-api "), err::toString);
        assertTrue(err.toString().contains("serve"), err::toString);
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, run("--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err::toString);
    }
}
