package org.portcullis.license.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.license.HostIdentity;
import org.portcullis.license.LicenseKeys;
import org.portcullis.license.LicenseProblem;
import org.portcullis.license.TestLicenses;
import picocli.CommandLine;

class LicenseToolCommandsTest {
    private static final String HERE = TestLicenses.HERE.value();

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;
    private HostIdentity host;

    @BeforeEach
    void setUp() throws IOException {
        host = new TestLicenses(dir).host();
    }

    private int run(String... args) {
        return runAt(TestLicenses.CLOCK, args);
    }

    private int runAt(Clock clock, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new CommandLine(new LicenseToolMain(clock, host)).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute(args);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private void keygen() {
        assertEquals(0, run("keygen", "--key", path("vendor.key"), "--public-key", path("vendor.pub")), err::toString);
    }

    private void issue(String output, String... more) {
        List<String> args = new ArrayList<>(List.of("issue", "--proxy-id", HERE, "--licensee",
                "ACME Logistics GmbH", "--expires", "2025-12-31", "--key", path("vendor.key"), "-o", path(output)));
        args.addAll(List.of(more));
        assertEquals(0, run(args.toArray(String[]::new)), err::toString);
    }

    /** Exit code {@code problem}'s, nothing on standard output, one line on standard error. */
    private void assertRefused(LicenseProblem problem, String line, String... args) {
        assertEquals(problem.exitCode(), run(args), err::toString);
        assertEquals("", out.toString());
        assertEquals(line + System.lineSeparator(), err.toString());
    }

    @Test
    void keygenWritesAnOwnerOnlyPrivateKeyAndPrintsTheFingerprint() throws IOException {
        keygen();
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("vendor.key"))));
        String fingerprint = LicenseKeys.fingerprint(LicenseKeys.readPublicKey(dir.resolve("vendor.pub")));
        assertEquals("wrote " + path("vendor.key") + " (private, mode 600) and " + path("vendor.pub") + ": "
                + fingerprint + System.lineSeparator(), out.toString());
    }

    @Test
    void keygenNeverOverwrites() throws IOException {
        keygen();
        String before = Files.readString(dir.resolve("vendor.key"));
        assertEquals(1, run("keygen", "--key", path("vendor.key"), "--public-key", path("other.pub")));
        assertEquals("license-tool keygen: cannot write the key pair: exists" + System.lineSeparator(), err.toString());
        assertEquals(before, Files.readString(dir.resolve("vendor.key")));
        assertFalse(Files.exists(dir.resolve("other.pub")));
    }

    @Test
    void anIssuedLicenseVerifiesForItsHost() {
        keygen();
        issue("license.txt", "--not-before", "2025-06-01", "--max-sessions", "25", "--limit", "edition=standard");
        assertEquals("wrote " + path("license.txt") + ": ACME Logistics GmbH on " + HERE
                + ", 2025-06-01 through 2025-12-31" + System.lineSeparator(), out.toString());
        assertEquals(0, run("verify", path("license.txt"), "--public-key", path("vendor.pub")), err::toString);
        assertTrue(out.toString().startsWith(String.join(System.lineSeparator(), "license: valid",
                "file: " + path("license.txt"), "licensee: ACME Logistics GmbH", "proxy-id: " + HERE + " (matches)",
                "not-before: 2025-06-01", "expires: 2025-12-31 (199 days left)", "max-sessions: 25",
                "edition: standard", "signed-by: " + path("vendor.pub") + " (SHA256:")), out::toString);
        assertEquals("", err.toString());
    }

    @Test
    void verifyTakesAnotherHostsProxyIdWhenGiven() {
        keygen();
        issue("license.txt");
        assertEquals(0, run("verify", path("license.txt"), "--public-key", path("vendor.pub"), "--proxy-id",
                HERE.toLowerCase()), err::toString);
        assertRefused(LicenseProblem.OTHER_HOST, "license-tool verify: license " + path("license.txt")
                + ": for another host: issued for Proxy ID " + HERE + ", this host is PCX-0000-0000-0000-0000",
                "verify", path("license.txt"), "--public-key", path("vendor.pub"), "--proxy-id",
                "PCX-0000-0000-0000-0000");
    }

    @Test
    void verifyRefusesEachCauseWithItsOwnLineAndExitCode() throws IOException {
        keygen();
        issue("license.txt", "--not-before", "2025-06-01");
        String pub = path("vendor.pub");
        assertRefused(LicenseProblem.MISSING, "license-tool verify: license " + path("absent.txt")
                + ": missing: no such file", "verify", path("absent.txt"), "--public-key", pub);
        Files.createDirectory(dir.resolve("folder"));
        assertRefused(LicenseProblem.UNREADABLE, "license-tool verify: license " + path("folder")
                + ": unreadable: a directory", "verify", path("folder"), "--public-key", pub);
        Files.writeString(dir.resolve("garbage.txt"), "licensee: me\n");
        assertRefused(LicenseProblem.MALFORMED, "license-tool verify: license " + path("garbage.txt")
                + ": malformed: no signature line after the fields",
                "verify", path("garbage.txt"), "--public-key", pub);
        Files.writeString(dir.resolve("changed.txt"), Files.readString(dir.resolve("license.txt"))
                .replace("ACME", "ACNE"));
        assertEquals(LicenseProblem.TAMPERED.exitCode(), run("verify", path("changed.txt"), "--public-key", pub));
        assertTrue(err.toString().startsWith("license-tool verify: license " + path("changed.txt") + ": tampered: "),
                err::toString);
        assertEquals(LicenseProblem.TAMPERED.exitCode(), run("verify", path("license.txt")), "vendor key only");
        assertEquals(LicenseProblem.EXPIRED.exitCode(), runAt(at("2026-01-01T00:00:00Z"), "verify",
                path("license.txt"), "--public-key", pub));
        assertEquals("license-tool verify: license " + path("license.txt") + ": expired: its last valid day was"
                + " 2025-12-31 (UTC)" + System.lineSeparator(), err.toString());
        assertEquals(LicenseProblem.NOT_YET_VALID.exitCode(), runAt(at("2025-05-31T23:59:59Z"), "verify",
                path("license.txt"), "--public-key", pub));
        assertEquals("license-tool verify: license " + path("license.txt") + ": not yet valid: its first valid day"
                + " is 2025-06-01 (UTC)" + System.lineSeparator(), err.toString());
    }

    @Test
    void verifyWithoutAMachineIdSaysSo() {
        keygen();
        issue("license.txt");
        host = HostIdentity.of(dir.resolve("no-machine-id"));
        assertEquals(LicenseProblem.NO_PROXY_ID.exitCode(), run("verify", path("license.txt"), "--public-key",
                path("vendor.pub")));
        assertTrue(err.toString().startsWith("license-tool verify: cannot determine this host's Proxy ID: "),
                err::toString);
    }

    @Test
    void showPrintsTheFieldsWithoutCheckingTheSignature() throws IOException {
        keygen();
        issue("license.txt", "--max-sessions", "3");
        Files.writeString(dir.resolve("changed.txt"), Files.readString(dir.resolve("license.txt"))
                .replace("max-sessions: 3", "max-sessions: 9"));
        assertEquals(0, run("show", path("changed.txt")), err::toString);
        assertEquals(String.join(System.lineSeparator(), "licensee: ACME Logistics GmbH", "proxy-id: " + HERE,
                "issued: 2025-06-15", "not-before: 2025-06-15", "expires: 2025-12-31", "max-sessions: 9",
                "signature: not checked (license-tool verify checks it)", ""), out.toString());
        assertRefused(LicenseProblem.MISSING, "license-tool show: license " + path("absent.txt")
                + ": missing: no such file", "show", path("absent.txt"));
    }

    @Test
    void issueRefusesBadInputWithOneLine() throws IOException {
        keygen();
        String key = path("vendor.key");
        assertEquals(CommandLine.ExitCode.USAGE, run("issue", "--proxy-id", HERE, "--licensee", "ACME", "--expires",
                "2025-06-14", "--key", key, "-o", path("x.txt")));
        assertEquals("license-tool issue: --expires 2025-06-14 is in the past" + System.lineSeparator(),
                err.toString());
        assertEquals(CommandLine.ExitCode.USAGE, run("issue", "--proxy-id", HERE, "--licensee", "ACME", "--expires",
                "2025-07-01", "--not-before", "2025-08-01", "--key", key, "-o", path("x.txt")));
        assertEquals("license-tool issue: expires 2025-07-01 is before not-before 2025-08-01" + System.lineSeparator(),
                err.toString());
        assertEquals(CommandLine.ExitCode.USAGE, run("issue", "--proxy-id", HERE, "--licensee", " ACME", "--expires",
                "2025-07-01", "--key", key, "-o", path("x.txt")));
        assertEquals("license-tool issue: licensee starts or ends with a space" + System.lineSeparator(),
                err.toString());
        assertEquals(1, run("issue", "--proxy-id", HERE, "--licensee", "ACME", "--expires", "2025-07-01", "--key",
                path("vendor.pub"), "-o", path("x.txt")));
        assertEquals("license-tool issue: --key " + path("vendor.pub") + ": holds no PEM block '-----BEGIN PRIVATE"
                + " KEY-----'" + System.lineSeparator(), err.toString());
        assertEquals(1, run("issue", "--proxy-id", HERE, "--licensee", "ACME", "--expires", "2025-07-01", "--key",
                path("absent.key"), "-o", path("x.txt")));
        assertEquals("license-tool issue: --key " + path("absent.key") + ": no such file" + System.lineSeparator(),
                err.toString());
        assertFalse(Files.exists(dir.resolve("x.txt")));
        issue("license.txt");
        assertEquals(1, run("issue", "--proxy-id", HERE, "--licensee", "ACME", "--expires", "2025-07-01", "--key",
                key, "-o", path("license.txt")));
        assertEquals("license-tool issue: cannot write " + path("license.txt") + ": exists" + System.lineSeparator(),
                err.toString());
    }

    @Test
    void malformedOptionValuesAreUsageErrors() {
        assertEquals(CommandLine.ExitCode.USAGE, run("issue", "--proxy-id", "PCX-12", "--licensee", "ACME",
                "--expires", "2025-07-01", "--key", "k", "-o", "o"));
        assertTrue(err.toString().startsWith("Invalid value for option '--proxy-id': 'PCX-12' is not a Proxy ID"),
                err::toString);
        assertEquals(CommandLine.ExitCode.USAGE, run("issue", "--proxy-id", HERE, "--licensee", "ACME",
                "--expires", "31.12.2025", "--key", "k", "-o", "o"));
        assertTrue(err.toString().startsWith("Invalid value for option '--expires': '31.12.2025' is not a date"
                + " YYYY-MM-DD"), err::toString);
        assertEquals(CommandLine.ExitCode.USAGE, run("issue", "--proxy-id", HERE, "--licensee", "ACME",
                "--expires", "2025-12-31", "--max-sessions", "0", "--key", "k", "-o", "o"));
        assertEquals("license-tool issue: max-sessions must be at least 1, not 0" + System.lineSeparator(),
                err.toString());
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
