package org.portcullis.license;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The license check relay-server runs before it starts (and for {@code -V}): never throws, always a status. */
public final class LicenseCheck {
    private LicenseCheck() {
    }

    /** Checks the license file against the trusted keys, this host's Proxy ID and the clock. */
    public static LicenseStatus atStartup(Path licenseFile, List<TrustedKey> trusted, ProxyId here, Clock clock) {
        // One instant for the check and the days left, so both agree at midnight.
        Instant now = clock.instant();
        try {
            VerifiedLicense verified = new LicenseVerifier(trusted, Clock.fixed(now, ZoneOffset.UTC))
                    .verify(licenseFile, here);
            return LicenseStatus.valid(licenseFile, verified, now);
        } catch (LicenseException e) {
            return LicenseStatus.refused(licenseFile, e, now);
        }
    }

    /** As above, with the host's Proxy ID; a host without a machine ID gives {@link LicenseProblem#NO_PROXY_ID}. */
    public static LicenseStatus atStartup(Path licenseFile, List<TrustedKey> trusted, HostIdentity host, Clock clock) {
        ProxyId here;
        try {
            here = host.proxyId();
        } catch (LicenseException e) {
            return LicenseStatus.refused(licenseFile, e, clock.instant());
        }
        return atStartup(licenseFile, trusted, here, clock);
    }
}
