package org.portcullis.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DaemonOptionsTest {

    @TempDir
    Path dir;

    private static String usage() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new TestDaemonMain());
        command.setOut(new PrintWriter(out));
        assertEquals(0, command.execute("--help"));
        return out.toString().replaceAll("\\s+", " ");
    }

    @Test
    void showsTheDaemonsOwnDefaults() {
        String usage = usage();
        assertTrue(usage.contains("(default: /run/portcullis/test-daemon.pid)"), usage);
        assertTrue(usage.contains("(default: 127.0.0.1:9877)"), usage);
        assertTrue(usage.contains("(default: /etc/portcullis/test-daemon.secret;"), usage);
    }

    @Test
    void takesTheOptions() {
        TestDaemonMain main = new TestDaemonMain();
        new CommandLine(main).parseArgs("--release-file", "r", "--pid-file", "x.pid", "--control", "0",
                "--control-secret", "s", "--drain-timeout", "90s");
        DaemonOptions options = main.options();
        assertEquals(Path.of("x.pid"), options.pidFile());
        assertEquals("127.0.0.1:0", options.control().toString());
        assertEquals(Path.of("s"), options.controlSecretFile());
        assertEquals(Duration.ofSeconds(90), options.drainTimeout());
    }

    @Test
    void refusesANonLoopbackControlAddressAsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new TestDaemonMain());
        command.setErr(new PrintWriter(err));
        assertEquals(2, command.execute("--release-file", "r", "--control", "192.0.2.2:9877"));
        assertTrue(err.toString().contains("the control port listens on loopback only"), err.toString());
    }

    @Test
    void theDefaultSecretFileMissingLeavesTheControlPortClosedAGivenOneMissingIsAnError() throws IOException {
        TestDaemonMain main = new TestDaemonMain();
        new CommandLine(main).parseArgs("--release-file", "r");
        assertTrue(main.options().controlSecret().isEmpty(), "no /etc/portcullis/test-daemon.secret here");
        new CommandLine(main).parseArgs("--release-file", "r", "--control-secret", dir.resolve("none").toString());
        assertThrows(DaemonException.class, () -> main.options().controlSecret());
        Path secret = Files.writeString(dir.resolve("given.secret"), "0123456789abcdef0123\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        new CommandLine(main).parseArgs("--release-file", "r", "--control-secret", secret.toString());
        assertTrue(main.options().controlSecret().orElseThrow().matches("0123456789abcdef0123"));
    }

    @Test
    void parsesDurations() {
        assertEquals(Duration.ofMillis(250), DurationConverter.parse("250ms"));
        assertEquals(Duration.ofHours(2), DurationConverter.parse("2h"));
        assertEquals(Duration.ofDays(1), DurationConverter.parse("1d"));
        assertEquals(Duration.ZERO, DurationConverter.parse("0s"));
        assertEquals(Duration.ofSeconds(60), DurationConverter.parse("60"));
        assertEquals(Duration.ofMinutes(90), DurationConverter.parse("PT1H30M"));
        assertThrows(IllegalArgumentException.class, () -> DurationConverter.parse("-PT1S"));
        assertThrows(IllegalArgumentException.class, () -> DurationConverter.parse("ten"));
    }
}
