package org.portcullis.relay.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.portcullis.license.HostIdentity;
import org.portcullis.license.License;
import org.portcullis.license.LicenseCheck;
import org.portcullis.license.LicenseException;
import org.portcullis.license.LicenseFile;
import org.portcullis.license.LicenseKeys;
import org.portcullis.license.ProxyId;
import org.portcullis.license.TrustedKey;
import org.portcullis.relay.server.license.RunningLicense;

/**
 * A license signing key made for one test (trusted with {@code --license-trust}), a host with its own machine ID
 * file, and license files signed for it.
 */
final class TestLicenses {
    /** The tests' "now": noon UTC on 2025-06-15. */
    static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final Path dir;
    private final KeyPair keys = LicenseKeys.generate();
    private final Path trust;
    private final HostIdentity host;

    TestLicenses(Path dir) throws IOException {
        this.dir = dir;
        trust = dir.resolve("vendor.pub");
        LicenseKeys.write(keys, dir.resolve("vendor.key"), trust);
        host = HostIdentity.of(Files.writeString(dir.resolve("machine-id"), "0123456789abcdef0123456789abcdef\n"));
    }

    /** The public key file to give with {@code --license-trust}. */
    Path trust() {
        return trust;
    }

    /** The test's host: a machine ID file of its own. */
    HostIdentity host() {
        return host;
    }

    ProxyId proxyId() {
        try {
            return host.proxyId();
        } catch (LicenseException e) {
            throw new AssertionError(e);
        }
    }

    /** A license for the test's host, valid six months either side of today, without a session limit. */
    License valid() {
        return License.of("ACME Logistics GmbH", proxyId(), TODAY.minusMonths(6), TODAY.plusMonths(6));
    }

    /** The license signed with the test's key, written to a new file. */
    Path write(String name, License license) throws IOException {
        return Files.writeString(dir.resolve(name), LicenseFile.sign(license, keys.getPrivate()).text(),
                StandardCharsets.UTF_8);
    }

    /** The license as a relay-server started with it at {@link #NOW} runs with it, seen through {@code clock}. */
    RunningLicense running(String name, License license, Clock clock) throws IOException {
        Path file = write(name, license);
        return RunningLicense.of(LicenseCheck.atStartup(file, List.of(TrustedKey.builtIn(),
                new TrustedKey("test key", keys.getPublic())), host, CLOCK), clock);
    }
}
