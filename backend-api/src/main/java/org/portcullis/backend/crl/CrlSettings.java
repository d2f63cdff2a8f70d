package org.portcullis.backend.crl;

import java.time.Duration;
import org.portcullis.proxy.host.HostAllowList;

/**
 * How the backend fetches CRLs.
 *
 * @param interval how often every URL is fetched again, default 1 h (new URLs are fetched at once)
 * @param connectTimeout the TCP connect timeout, default 10 s
 * @param readTimeout the longest silence while reading, default 30 s
 * @param totalTimeout the longest a whole download may take, default 60 s
 * @param maxBytes the largest CRL accepted, default 2 MiB (the whole document must stay under 4 MiB)
 * @param maxUrls the most URLs kept, default 1000 (a relay cannot grow the table without bound)
 * @param allowedHosts the hosts CRLs may be fetched from, or null (the default) for any host: an operator opts in
 */
public record CrlSettings(Duration interval, Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
                          int maxBytes, int maxUrls, HostAllowList allowedHosts) {
    public CrlSettings {
        for (Duration duration : new Duration[] {interval, connectTimeout, readTimeout, totalTimeout}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("CRL fetch durations must be positive");
            }
        }
        if (maxBytes < 1 || maxUrls < 1) {
            throw new IllegalArgumentException("maxBytes and maxUrls must be at least 1");
        }
    }

    /** The documented defaults. */
    public static CrlSettings defaults() {
        return new CrlSettings(Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 2 * 1024 * 1024, 1000, null);
    }

    /** Whether a CRL may be fetched from this host. */
    public boolean allows(String host) {
        return allowedHosts == null || (host != null && allowedHosts.allows(host));
    }

    /** These settings with another allow-list (null for any host). */
    public CrlSettings withAllowedHosts(HostAllowList newAllowedHosts) {
        return new CrlSettings(interval, connectTimeout, readTimeout, totalTimeout, maxBytes, maxUrls, newAllowedHosts);
    }

    /** These settings with another interval. */
    public CrlSettings withInterval(Duration newInterval) {
        return new CrlSettings(newInterval, connectTimeout, readTimeout, totalTimeout, maxBytes, maxUrls, allowedHosts);
    }
}
