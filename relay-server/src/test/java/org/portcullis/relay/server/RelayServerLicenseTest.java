package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.license.HostIdentity;
import org.portcullis.license.License;
import org.portcullis.license.LicenseProblem;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;
import picocli.CommandLine;

/** relay-server's license options: -L, -V, and the refusal to start without a valid license, per cause. */
class RelayServerLicenseTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @TempDir
    Path dir;

    private TestLicenses licenses;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void setUp() throws IOException {
        licenses = new TestLicenses(dir);
    }

    private int run(HostIdentity host, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new CommandLine(new RelayServerMain(host, TestLicenses.CLOCK)).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute(args);
    }

    /** The arguments of a server start with real link credentials, the license file and the test key. */
    private String[] start(Path license) throws IOException {
        PemFiles link = PKI.write(PKI.server(), "link-server");
        return new String[] {"-i", "127.0.0.1:0", "--link-cert", link.certificateChain().toString(), "--link-key",
            link.privateKey().toString(), "--link-ca", link.caCertificate().toString(), "-l", license.toString(),
            "--license-trust", licenses.trust().toString()};
    }

    @Test
    void proxyIdIsOneLineAndTheSameOnEveryRun() {
        assertEquals(0, run(licenses.host(), "-L"));
        String first = out.toString();
        assertEquals(licenses.proxyId() + System.lineSeparator(), first);
        assertTrue(first.matches("PCX(-[0-9A-F]{4}){4}\\R"), first);
        assertEquals(0, run(licenses.host(), "-L"));
        assertEquals(first, out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void proxyIdNeedsNoLinkCredentialsNorLicense() {
        assertEquals(0, run(licenses.host(), "-L", "-l", dir.resolve("none").toString()));
    }

    @Test
    void hostWithoutMachineIdHasNoProxyId() {
        assertEquals(LicenseProblem.NO_PROXY_ID.exitCode(), run(HostIdentity.of(dir.resolve("none")), "-L"));
        assertTrue(err.toString().startsWith("cannot determine this host's Proxy ID"), err::toString);
    }

    @Test
    void statusOfAValidLicenseNamesLicenseeExpiryDaysLeftAndProxyId() throws IOException {
        Path file = licenses.write("license.txt", licenses.valid().withMaxSessions(5));
        assertEquals(0, run(licenses.host(), "-V", "-l", file.toString(), "--license-trust",
                licenses.trust().toString()));
        List<String> lines = out.toString().lines().toList();
        assertEquals("license: valid", lines.get(0));
        assertTrue(lines.contains("licensee: ACME Logistics GmbH"), lines::toString);
        assertTrue(lines.contains("proxy-id: " + licenses.proxyId() + " (matches)"), lines::toString);
        assertTrue(lines.contains("expires: 2025-12-15 (183 days left)"), lines::toString);
        assertTrue(lines.contains("max-sessions: 5"), lines::toString);
        assertEquals("", err.toString());
    }

    @Test
    void statusExitsWithEachCausesCodeAndOneLine() throws IOException {
        Path valid = licenses.write("license.txt", licenses.valid());
        Path expired = licenses.write("expired.txt", License.of("ACME", licenses.proxyId(),
                TestLicenses.TODAY.minusYears(1), TestLicenses.TODAY.minusDays(1)));
        HostIdentity otherHost = HostIdentity.of(Files.writeString(dir.resolve("other-id"),
                "ffffffffffffffffffffffffffffffff\n"));
        assertStatus(LicenseProblem.EXPIRED, licenses.host(), expired, "expired: its last valid day was "
                + TestLicenses.TODAY.minusDays(1));
        assertStatus(LicenseProblem.OTHER_HOST, otherHost, valid, "other host");
        assertStatus(LicenseProblem.MISSING, licenses.host(), dir.resolve("none.txt"), "missing: no such file");
    }

    private void assertStatus(LicenseProblem problem, HostIdentity host, Path file, String says) {
        assertEquals(problem.exitCode(), run(host, "-V", "-l", file.toString(), "--license-trust",
                licenses.trust().toString()), err::toString);
        assertEquals("", out.toString());
        assertEquals(1, err.toString().lines().count(), err::toString);
        assertTrue(err.toString().startsWith("license " + file + ": "), err::toString);
        assertTrue(err.toString().contains(says), err::toString);
    }

    @Test
    void theServerDoesNotStartWithoutAValidLicenseAndSaysWhyInOneLine() throws IOException {
        License valid = licenses.valid();
        Path good = licenses.write("license.txt", valid);
        Path tampered = Files.writeString(dir.resolve("tampered.txt"), Files.readString(good)
                .replace("licensee: ACME Logistics GmbH", "licensee: ACME Logistics GmbX"));
        Path early = licenses.write("early.txt", License.of("ACME", licenses.proxyId(),
                TestLicenses.TODAY.plusDays(1), TestLicenses.TODAY.plusYears(1)));
        Path expired = licenses.write("expired.txt", License.of("ACME", licenses.proxyId(),
                TestLicenses.TODAY.minusYears(1), TestLicenses.TODAY.minusDays(1)));
        List<Integer> codes = new ArrayList<>();
        codes.add(assertRefused(LicenseProblem.MISSING, licenses.host(), dir.resolve("none.txt")));
        codes.add(assertRefused(LicenseProblem.UNREADABLE, licenses.host(), dir));
        codes.add(assertRefused(LicenseProblem.TAMPERED, licenses.host(), tampered));
        codes.add(assertRefused(LicenseProblem.OTHER_HOST, HostIdentity.of(Files.writeString(dir.resolve("other-id"),
                "ffffffffffffffffffffffffffffffff\n")), good));
        codes.add(assertRefused(LicenseProblem.EXPIRED, licenses.host(), expired));
        codes.add(assertRefused(LicenseProblem.NOT_YET_VALID, licenses.host(), early));
        codes.add(assertRefused(LicenseProblem.NO_PROXY_ID, HostIdentity.of(dir.resolve("no-id")), good,
                "cannot determine this host's Proxy ID"));
        assertEquals(codes.size(), codes.stream().distinct().count(), codes::toString);
    }

    private int assertRefused(LicenseProblem problem, HostIdentity host, Path file) throws IOException {
        String cause = problem == LicenseProblem.OTHER_HOST ? "for another host" : problem.label();
        return assertRefused(problem, host, file, "license " + file + ": " + cause + ": ");
    }

    private int assertRefused(LicenseProblem problem, HostIdentity host, Path file, String startsWith)
            throws IOException {
        int code = run(host, start(file));
        assertEquals(problem.exitCode(), code, err::toString);
        assertEquals(1, err.toString().lines().count(), err::toString);
        assertTrue(err.toString().startsWith(startsWith), err::toString);
        return code;
    }

    @Test
    void aMissingLinkCredentialIsReportedBeforeTheLicense() {
        assertEquals(CommandLine.ExitCode.USAGE, run(licenses.host(), "-l", dir.resolve("none.txt").toString()));
        assertTrue(err.toString().contains("--link-cert"), err::toString);
    }
}
