package org.portcullis.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.portcullis.license.HostIdentity;
import org.portcullis.license.License;
import org.portcullis.license.LicenseCheck;
import org.portcullis.license.LicenseException;
import org.portcullis.license.LicenseFile;
import org.portcullis.license.LicenseKeys;
import org.portcullis.license.LicenseStatus;
import org.portcullis.license.TrustedKey;
import org.portcullis.relay.server.license.RunningLicense;

/**
 * A license for this host as the vendor would issue it, signed with a key pair made for this run: relay-server
 * trusts the key through {@code --license-trust} and accepts the license at start.
 *
 * @param file       the license file ({@code -l FILE})
 * @param trustedKey the public key that signed it, PEM ({@code --license-trust FILE})
 */
record TestLicense(Path file, Path trustedKey) {
    static final String LICENSEE = "Portcullis end-to-end tests";

    /** Issues a license for this host, valid from yesterday for a year (no renewal warning), no session limit. */
    static TestLicense issue(Path folder) {
        KeyPair keys = LicenseKeys.generate();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try {
            License license = License.of(LICENSEE, HostIdentity.system().proxyId(), today.minusDays(1),
                    today.plusYears(1));
            Path file = Files.writeString(folder.resolve("license.txt"),
                    LicenseFile.sign(license, keys.getPrivate()).text(), StandardCharsets.UTF_8);
            Path trusted = Files.writeString(folder.resolve("license-trust.pem"), LicenseKeys.pem(keys.getPublic()),
                    StandardCharsets.US_ASCII);
            return new TestLicense(file, trusted);
        } catch (LicenseException e) {
            throw new IllegalStateException("cannot issue a license for this host: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The license as relay-server's command checks it at start ({@code -l FILE --license-trust FILE} on this host)
     * and runs with it.
     */
    RunningLicense check() {
        Clock clock = Clock.systemUTC();
        try {
            LicenseStatus status = LicenseCheck.atStartup(file, List.of(TrustedKey.builtIn(),
                    TrustedKey.read(trustedKey)), HostIdentity.system(), clock);
            return RunningLicense.of(status, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** relay-server's license options on its command line. */
    List<String> arguments() {
        return List.of("-l", file.toString(), "--license-trust", trustedKey.toString());
    }
}
