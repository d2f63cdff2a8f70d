package org.portcullis.relay.server.refusals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.oftp2.EsidReason;
import picocli.CommandLine;

class RefusalsCommandTest {
    private static final Clock NOON_22ND = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void auditFiles() throws IOException {
        new AuditLines(dir)
                .partner("2026-11-19T23:59:59Z", "O0013000000EARLIER", "192.0.2.99", EsidReason.USER_CODE_NOT_KNOWN,
                        "before the period")
                .partner("2026-11-20T00:00:00Z", "O0013000000STRANGER", "192.0.2.7", EsidReason.USER_CODE_NOT_KNOWN,
                        "Odette ID O0013000000STRANGER is not a configured partner")
                .partner("2026-11-20T08:15:00Z", "O0013000000STRANGER", "192.0.2.7", EsidReason.USER_CODE_NOT_KNOWN,
                        "Odette ID O0013000000STRANGER is not a configured partner")
                .partner("2026-11-20T08:16:00Z", "O0013000000STRANGER", "192.0.2.7", EsidReason.INVALID_PASSWORD,
                        "wrong password")
                .partner("2026-11-20T09:00:00Z", "O0013000000PARTNER", "2001:db8::7", EsidReason.USER_CODE_NOT_KNOWN,
                        "source address 2001:db8::7 is not in the partner's allowed networks")
                .partner("2026-11-20T10:00:00Z", null, "198.51.100.9", null,
                        "TLS handshake failed: Empty client certificate chain")
                .completed("2026-11-20T11:00:00Z", "O0013000000PARTNER", "192.0.2.8")
                .egress("2026-11-20T12:00:00Z", "far-partner", "oftp.far.example", 6619,
                        "egress proxy: http, none, /127.0.0.1:3128 => oftp.far.example:6619, status: 403 Forbidden")
                .egress("2026-11-20T13:00:00Z", "far-partner", "oftp.far.example", 6619,
                        "egress proxy: http, none, /127.0.0.1:3128 => oftp.far.example:6619, status: 403 Forbidden")
                .egress("2026-11-20T14:00:00Z", "gone", null, 0, "no route named gone")
                .garbage("2026-11-20", "{\"@timestamp\":\"2026-11-20T15:00")
                .partner("2026-11-21T00:00:00Z", "O0013000000LATER", "192.0.2.98", EsidReason.USER_CODE_NOT_KNOWN,
                        "after the period");
    }

    private int run(Clock clock, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new CommandLine(new RefusalsCommand(clock)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void summarisesADaysRefusalsByPartnerAndAddressAndEgressByHost() {
        assertEquals(0, run(NOON_22ND, "--dir", dir.toString(), "--since", "2026-11-20", "--until", "2026-11-20"));

        assertEquals("Audit from 2026-11-20 00:00 to 2026-11-21 00:00 (Z) in " + dir + ": 9 sessions in 3 files\n"
                + "Refused partners: 5 sessions, 3 partners or addresses\n"
                + "      3  O0013000000STRANGER from 192.0.2.7\n"
                + "               2  Odette ID O0013000000STRANGER is not a configured partner (ESID 03)\n"
                + "               1  wrong password (ESID 04)\n"
                + "      1  O0013000000PARTNER from 2001:db8::7\n"
                + "               1  source address 2001:db8::7 is not in the partner's allowed networks (ESID 03)\n"
                + "      1  no Odette ID from 198.51.100.9\n"
                + "               1  TLS handshake failed: Empty client certificate chain\n"
                + "Refused egress: 3 sessions, 2 hosts\n"
                + "      2  oftp.far.example:6619 (route far-partner)\n"
                + "               2  egress proxy: http, none, /127.0.0.1:3128 => oftp.far.example:6619, status: 403 "
                + "Forbidden\n"
                + "      1  route gone, no partner\n"
                + "               1  no route named gone\n", out.toString());
        assertEquals("refusals: skipped 1 line that is no audit record\n", err.toString());
    }

    @Test
    void coversTheLast24HoursByDefault() {
        assertEquals(0, run(Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC), "--dir",
                dir.toString()));

        String summary = out.toString();
        assertTrue(summary.startsWith("Audit from 2026-11-20 12:00 to 2026-11-21 12:00 (Z)"), summary);
        assertTrue(summary.contains("O0013000000LATER from 192.0.2.98"), summary);
        assertTrue(summary.contains("route gone, no partner"), summary);
        assertTrue(!summary.contains("O0013000000STRANGER"), summary);
    }

    @Test
    void readsDatesInTheLocalZone() {
        Clock berlin = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneId.of("Europe/Berlin"));

        assertEquals(0, run(berlin, "--dir", dir.toString(), "--since", "2026-11-21", "--until", "2026-11-21T00:30"));

        String summary = out.toString();
        assertTrue(summary.startsWith("Audit from 2026-11-21 00:00 to 2026-11-21 00:30 (Europe/Berlin)"), summary);
        // 2026-11-20T23:xxZ is the 21st in Berlin: only the egress refusals of 12:00Z and 13:00Z are not.
        assertTrue(summary.contains("Refused partners: none"), summary);
        assertTrue(summary.contains("Refused egress: none"), summary);
    }

    @Test
    void takesInstantsWithAnOffset() {
        assertEquals(0, run(NOON_22ND, "--dir", dir.toString(), "--since", "2026-11-20T13:00:00+01:00", "--until",
                "2026-11-20T12:30:00Z"));

        assertTrue(out.toString().contains("Refused egress: 1 session, 1 host"), out::toString);
        assertTrue(out.toString().contains("Refused partners: none"), out::toString);
    }

    @Test
    void aTimeThatIsNoDateIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, run(NOON_22ND, "--dir", dir.toString(), "--since", "yesterday"));
        assertTrue(err.toString().contains("\"yesterday\" is not a date"), err::toString);
    }

    @Test
    void helpNamesTheOptions() {
        assertEquals(0, run(NOON_22ND, "--help"));
        assertTrue(out.toString().startsWith("Usage: refusals [-h] [--dir=DIR] [--since=TIME] [--until=TIME]"),
                out::toString);
    }

    @Test
    void aMissingFolderIsNamed() {
        assertEquals(RefusalsCommand.CANNOT_READ, run(NOON_22ND, "--dir", dir.resolve("none").toString()));
        assertTrue(err.toString().contains(dir.resolve("none") + " is not a folder"), err::toString);
    }
}
