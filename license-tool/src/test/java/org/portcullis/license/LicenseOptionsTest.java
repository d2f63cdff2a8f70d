package org.portcullis.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options as relay-server takes them, on a stand-in command that "starts" only with a valid license. */
class LicenseOptionsTest {
    /** Exit code of the stand-in when it gets past the license check. */
    private static final int STARTED = 42;

    @Command(name = "server")
    static final class ServerCommand implements Callable<Integer> {
        private final HostIdentity host;
        private final Clock clock;

        @Spec
        private CommandSpec spec;

        @Mixin
        private LicenseOptions license;

        @Option(names = {"-h", "--help"}, usageHelp = true)
        private boolean help;

        @Option(names = "--version", versionHelp = true)
        private boolean version;

        ServerCommand(HostIdentity host, Clock clock) {
            this.host = host;
            this.clock = clock;
        }

        @Override
        public Integer call() {
            OptionalInt answered = license.answerQueries(spec.commandLine(), host, clock);
            if (answered.isPresent()) {
                return answered.getAsInt();
            }
            LicenseStatus status = license.check(spec.commandLine(), host, clock);
            if (!status.valid()) {
                spec.commandLine().getErr().println(status.message());
                return status.exitCode();
            }
            return STARTED;
        }
    }

    @TempDir
    Path dir;

    private TestLicenses licenses;
    private Path trust;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void setUp() throws IOException {
        licenses = new TestLicenses(dir);
        trust = licenses.writeKeys("vendor.key", "vendor.pub");
    }

    private int run(HostIdentity host, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new CommandLine(new ServerCommand(host, TestLicenses.CLOCK)).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void proxyIdOptionPrintsTheSameLineOnEveryRun() throws IOException {
        HostIdentity host = licenses.host();
        assertEquals(0, run(host, "-L"));
        String first = out.toString();
        assertEquals(TestLicenses.HERE + System.lineSeparator(), first);
        assertEquals(0, run(licenses.host(), "--proxy-id"));
        assertEquals(first, out.toString());
    }

    @Test
    void proxyIdOptionWithoutMachineIdFailsWithItsCode() {
        assertEquals(LicenseProblem.NO_PROXY_ID.exitCode(), run(HostIdentity.of(dir.resolve("none")), "-L"));
        assertEquals("", out.toString());
        assertTrue(err.toString().startsWith("cannot determine this host's Proxy ID: "), err::toString);
    }

    @Test
    void statusOptionPrintsValidityAndExitsZero() throws IOException {
        Path file = licenses.write("license.txt", licenses.validLicense());
        assertEquals(0, run(licenses.host(), "-l", file.toString(), "--license-trust", trust.toString(), "-V"));
        assertTrue(out.toString().startsWith("license: valid" + System.lineSeparator() + "file: " + file
                + System.lineSeparator() + "licensee: ACME Logistics GmbH" + System.lineSeparator()
                + "proxy-id: " + TestLicenses.HERE + " (matches)"), out::toString);
        assertTrue(out.toString().contains("expires: 2025-12-15 (183 days left)"), out::toString);
    }

    @Test
    void statusOptionExitsWithTheCausesCode() throws IOException {
        Path file = licenses.write("license.txt", licenses.validLicense());
        assertEquals(LicenseProblem.TAMPERED.exitCode(), run(licenses.host(), "-l", file.toString(), "-V"),
                "without --license-trust only the vendor key is trusted");
        HostIdentity otherHost = HostIdentity.of(Files.writeString(dir.resolve("other"),
                "ffffffffffffffffffffffffffffffff"));
        assertEquals(LicenseProblem.OTHER_HOST.exitCode(),
                run(otherHost, "-l", file.toString(), "--license-trust", trust.toString(), "-V"));
        assertEquals("", out.toString());
        assertEquals(1, err.toString().lines().count(), err::toString);
        assertEquals(LicenseProblem.MISSING.exitCode(), run(licenses.host(), "-l", dir.resolve("none").toString(),
                "-V"));
        assertEquals("license " + dir.resolve("none") + ": missing: no such file" + System.lineSeparator(),
                err.toString());
    }

    @Test
    void theServerStartsOnlyWithAValidLicense() throws IOException {
        Path file = licenses.write("license.txt", licenses.validLicense());
        assertEquals(STARTED, run(licenses.host(), "-l", file.toString(), "--license-trust", trust.toString()));
        License expired = License.of("ACME", TestLicenses.HERE, TestLicenses.TODAY.minusYears(1),
                TestLicenses.TODAY.minusDays(1));
        Path old = licenses.write("old.txt", expired);
        assertEquals(LicenseProblem.EXPIRED.exitCode(), run(licenses.host(), "-l", old.toString(), "--license-trust",
                trust.toString()));
    }

    @Test
    void theDefaultLicenseFileIsUnderEtc() {
        LicenseOptions options = new LicenseOptions();
        new CommandLine(options).parseArgs();
        assertEquals(Path.of("/etc/portcullis/license.txt"), options.file());
    }

    @Test
    void anUnreadableTrustFileIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, run(HostIdentity.of(dir.resolve("none")), "--license-trust",
                dir.resolve("vendor.key").toString(), "-V"));
        assertTrue(err.toString().startsWith("--license-trust " + dir.resolve("vendor.key")
                + ": holds no PEM block '-----BEGIN PUBLIC KEY-----'"), err::toString);
    }
}
