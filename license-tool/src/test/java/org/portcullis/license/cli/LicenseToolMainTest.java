package org.portcullis.license.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LicenseToolMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new LicenseToolMain()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void helpShowsUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().startsWith("Usage: license-tool "), out::toString);
        assertTrue(out.toString().contains("--version"), out::toString);
    }

    @Test
    void versionNamesTheCommand() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("license-tool "), out::toString);
    }

    @Test
    void withoutCommandNamesTheCommandsAndExitsTwo() {
        assertEquals(CommandLine.ExitCode.USAGE, run());
        assertTrue(err.toString().startsWith("license-tool: name a command: keygen, issue, verify or show"),
                err::toString);
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, run("--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err::toString);
    }
}
