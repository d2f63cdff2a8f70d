package org.portcullis.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenseCheckTest {
    @TempDir
    Path dir;

    private TestLicenses licenses;

    @BeforeEach
    void setUp() {
        licenses = new TestLicenses(dir);
    }

    private LicenseStatus check(Path file) {
        return LicenseCheck.atStartup(file, licenses.trusted(), TestLicenses.HERE, TestLicenses.CLOCK);
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static void assertRefused(LicenseStatus status, LicenseProblem problem, String message) {
        assertFalse(status.valid());
        assertEquals(Optional.of(problem), status.problem());
        assertEquals(problem.exitCode(), status.exitCode());
        assertEquals(message, status.message());
        assertEquals(List.of(message), status.report());
    }

    @Test
    void aLicenseIssuedForThisHostIsValid() throws IOException {
        Path file = licenses.write("license.txt", licenses.validLicense());
        LicenseStatus status = check(file);
        assertTrue(status.valid(), status::message);
        assertEquals(0, status.exitCode());
        assertEquals(OptionalInt.of(5), status.maxSessions());
        assertEquals(licenses.trustedKey(), status.license().orElseThrow().signedBy());
        assertEquals("license " + file + ": valid for ACME Logistics GmbH through 2025-12-15 (183 days left)",
                status.message());
        assertEquals(List.of("license: valid", "file: " + file, "licensee: ACME Logistics GmbH",
                "proxy-id: PCX-4CF4-EAC3-7F87-CF69 (matches)", "not-before: 2024-12-15",
                "expires: 2025-12-15 (183 days left)", "max-sessions: 5",
                "signed-by: test key (" + licenses.trustedKey().fingerprint() + ")"), status.report());
        assertEquals(Optional.empty(), status.warning());
    }

    @Test
    void theHostsProxyIdComesFromItsMachineId() throws IOException {
        Path file = licenses.write("license.txt", licenses.validLicense());
        assertTrue(LicenseCheck.atStartup(file, licenses.trusted(), licenses.host(), TestLicenses.CLOCK).valid());
    }

    @Test
    void anotherHostsLicenseIsRefused() throws IOException {
        Path file = licenses.write("license.txt", licenses.validLicense());
        assertRefused(LicenseCheck.atStartup(file, licenses.trusted(), TestLicenses.ELSEWHERE, TestLicenses.CLOCK),
                LicenseProblem.OTHER_HOST, "license " + file + ": for another host: issued for Proxy ID"
                        + " PCX-4CF4-EAC3-7F87-CF69, this host is PCX-0000-1111-2222-3333");
    }

    @Test
    void anExpiredLicenseIsRefusedFromTheDayAfterItsLastDay() throws IOException {
        License license = License.of("ACME", TestLicenses.HERE, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 14));
        Path file = licenses.write("license.txt", license);
        assertRefused(check(file), LicenseProblem.EXPIRED,
                "license " + file + ": expired: its last valid day was 2025-06-14 (UTC)");
        Clock lastSecond = at("2025-06-14T23:59:59Z");
        assertTrue(LicenseCheck.atStartup(file, licenses.trusted(), TestLicenses.HERE, lastSecond).valid());
    }

    @Test
    void aLicenseNotYetValidIsRefusedUntilItsFirstDay() throws IOException {
        License license = License.of("ACME", TestLicenses.HERE, LocalDate.of(2025, 6, 16), LocalDate.of(2026, 6, 15));
        Path file = licenses.write("license.txt", license);
        assertRefused(check(file), LicenseProblem.NOT_YET_VALID,
                "license " + file + ": not yet valid: its first valid day is 2025-06-16 (UTC)");
        Clock firstSecond = at("2025-06-16T00:00:00Z");
        assertTrue(LicenseCheck.atStartup(file, licenses.trusted(), TestLicenses.HERE, firstSecond).valid());
    }

    @Test
    void aMissingFileIsRefused() {
        Path file = dir.resolve("no-such-license.txt");
        assertRefused(check(file), LicenseProblem.MISSING, "license " + file + ": missing: no such file");
    }

    @Test
    void aDirectoryIsUnreadable() throws IOException {
        Path file = Files.createDirectory(dir.resolve("license.txt"));
        assertRefused(check(file), LicenseProblem.UNREADABLE, "license " + file + ": unreadable: a directory");
    }

    @Test
    void aFileThatCannotBeOpenedIsUnreadable() throws IOException {
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            Path file = unreadableFile(socket);
            LicenseStatus status = check(file);
            assertEquals(Optional.of(LicenseProblem.UNREADABLE), status.problem(), status::message);
            assertEquals(LicenseProblem.UNREADABLE.exitCode(), status.exitCode());
            assertTrue(status.message().matches("license " + Pattern.quote(file.toString())
                    + ": unreadable: (permission denied|No such device or address)"), status::message);
        }
    }

    /**
     * A license file mode 000; but root reads any file whatever its mode (the tests run as root in CI), so there
     * a Unix socket bound at the license path, which no one can open for reading.
     */
    private Path unreadableFile(ServerSocketChannel socket) throws IOException {
        Path file = licenses.write("license.txt", licenses.validLicense());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(file)) {
            return file;
        }
        Path socketFile = dir.resolve("license.sock");
        socket.bind(UnixDomainSocketAddress.of(socketFile));
        return socketFile;
    }

    @Test
    void aChangedByteInTheFileIsTampered() throws IOException {
        Path file = licenses.write("license.txt", licenses.validLicense());
        byte[] bytes = Files.readAllBytes(file);
        bytes[20] ^= 1;
        Files.write(file, bytes);
        LicenseStatus status = check(file);
        assertEquals(Optional.of(LicenseProblem.TAMPERED), status.problem());
        assertEquals(LicenseProblem.TAMPERED.exitCode(), status.exitCode());
        assertTrue(status.message().startsWith("license " + file + ": tampered: the signature does not verify with"
                + " any trusted key (built-in vendor key (SHA256:"), status::message);
    }

    @Test
    void onlyTheBuiltInKeyIsTrustedWithoutLicenseTrust() throws IOException {
        Path file = licenses.write("license.txt", licenses.validLicense());
        LicenseStatus status = LicenseCheck.atStartup(file, List.of(TrustedKey.builtIn()), TestLicenses.HERE,
                TestLicenses.CLOCK);
        assertEquals(Optional.of(LicenseProblem.TAMPERED), status.problem());
    }

    @Test
    void aHostWithoutMachineIdHasNoProxyId() throws IOException {
        Path file = licenses.write("license.txt", licenses.validLicense());
        LicenseStatus status = LicenseCheck.atStartup(file, licenses.trusted(), HostIdentity.of(dir.resolve("none")),
                TestLicenses.CLOCK);
        assertEquals(Optional.of(LicenseProblem.NO_PROXY_ID), status.problem());
        assertEquals(10, status.exitCode());
    }

    @Test
    void aWarningFromThirtyDaysBeforeTheLastDay() throws IOException {
        License license = License.of("ACME", TestLicenses.HERE, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 15));
        Path file = licenses.write("license.txt", license);
        LicenseStatus thirtyDays = check(file);
        assertEquals(Optional.of("license " + file + " expires soon: its last valid day is 2025-07-15"
                + " (30 days left); renew it with the vendor"), thirtyDays.warning());
        assertTrue(thirtyDays.report().contains("warning: " + thirtyDays.warning().orElseThrow()));
        LicenseStatus thirtyOneDays = LicenseCheck.atStartup(file, licenses.trusted(), TestLicenses.HERE,
                at("2025-06-14T12:00:00Z"));
        assertEquals(Optional.empty(), thirtyOneDays.warning());
        LicenseStatus lastDay = LicenseCheck.atStartup(file, licenses.trusted(), TestLicenses.HERE,
                at("2025-07-15T23:00:00Z"));
        assertTrue(lastDay.warning().orElseThrow().contains("(last day)"), lastDay::message);
    }

    @Test
    void aRunningServerSeesTheSameLicenseExpireWithoutReadingItAgain() throws IOException {
        License license = License.of("ACME", TestLicenses.HERE, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 20));
        Path file = licenses.write("license.txt", license);
        LicenseStatus atStart = check(file);
        Files.delete(file);
        LicenseStatus lastSecond = atStart.at(Instant.parse("2025-06-20T23:59:59Z"));
        assertTrue(lastSecond.valid());
        assertEquals("license " + file + ": valid for ACME through 2025-06-20 (last day)", lastSecond.message());
        assertRefused(atStart.at(Instant.parse("2025-06-21T00:00:00Z")), LicenseProblem.EXPIRED,
                "license " + file + ": expired: its last valid day was 2025-06-20 (UTC)");
    }

    @Test
    void eachCauseHasItsOwnExitCodeAndNoneIsZeroOneOrTwo() {
        Set<Integer> codes = new HashSet<>(List.of(0, 1, 2));
        Arrays.stream(LicenseProblem.values()).forEach(problem -> assertTrue(codes.add(problem.exitCode()),
                problem::name));
    }
}
