package org.portcullis.relay.server.license;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.license.License;
import org.portcullis.license.LicenseStatus;

/**
 * The license a running relay-server holds, as it decides on each new session: the license's session limit and
 * its expiry. Running sessions are never cut; once the license has expired, new sessions are refused (ESID 08
 * for incoming ones) until a valid license is installed and relay-server restarted.
 */
public final class RunningLicense {
    private static final Logger LOG = LogManager.getLogger();

    /** The license as checked at start; {@code null} for {@link #unlimited()}. */
    private final LicenseStatus atStart;
    private final Clock clock;

    private RunningLicense(LicenseStatus atStart, Clock clock) {
        this.atStart = atStart;
        this.clock = clock;
    }

    /**
     * The license relay-server started with, seen through {@code clock} from then on.
     *
     * @throws IllegalArgumentException if it was refused at start
     */
    public static RunningLicense of(LicenseStatus valid, Clock clock) {
        if (!valid.valid()) {
            throw new IllegalArgumentException("relay-server runs only with a valid license: " + valid.message());
        }
        return new RunningLicense(valid, Objects.requireNonNull(clock, "clock"));
    }

    /** No session limit and no expiry: for a relay-server built in one JVM (tests), which reads no license file. */
    public static RunningLicense unlimited() {
        return new RunningLicense(null, Clock.systemUTC());
    }

    /** The lower of the configuration's concurrent-session limit and the license's. */
    public SessionLimit sessionLimit(int configured) {
        OptionalInt licensed = atStart == null ? OptionalInt.empty() : atStart.maxSessions();
        return licensed.isPresent() && licensed.getAsInt() < configured
                ? new SessionLimit(licensed.getAsInt(), "license")
                : new SessionLimit(configured, "configuration");
    }

    /**
     * Why a new session must be refused now (the license has expired), logged at ERROR since an operator must
     * act; empty while the license is valid. One comparison with the clock, no file read.
     *
     * @param sessionLog the session's log tag, {@code [sessionId]} (a SessionTag, so its log level applies)
     */
    public Optional<String> refuseNewSession(Object sessionLog) {
        if (atStart == null) {
            return Optional.empty();
        }
        LicenseStatus now = atStart.at(clock.instant());
        if (now.valid()) {
            return Optional.empty();
        }
        LOG.error("{} new session refused (ESID 08): {}", sessionLog, now.message());
        return Optional.of(now.message());
    }

    /**
     * Logs the license's state: INFO while valid, WARN from {@value LicenseStatus#WARNING_DAYS} days before its
     * last day, ERROR once expired. Called at start and once a day; reads no file.
     */
    public void log() {
        if (atStart == null) {
            LOG.info("license: none read; no session limit and no expiry (relay-server built in-JVM)");
            return;
        }
        LicenseStatus now = atStart.at(clock.instant());
        if (!now.valid()) {
            LOG.error("{}; new sessions are refused (ESID 08), running ones go on; install a renewed license and"
                    + " restart relay-server", now.message());
        } else if (now.warning().isPresent()) {
            LOG.warn("{}", now.warning().get());
        } else {
            LOG.info("{}", now.message());
        }
    }

    /**
     * The license as {@code status} shows it: licensee, last valid day, days left and session limit, or why new
     * sessions are refused. Reads no file.
     */
    public String describe() {
        if (atStart == null) {
            return "none read (relay-server built in-JVM: no session limit, no expiry)";
        }
        LicenseStatus now = atStart.at(clock.instant());
        if (!now.valid()) {
            return "refusing new sessions: " + now.message();
        }
        License license = now.license().orElseThrow().license();
        OptionalInt max = license.maxSessions();
        return license.licensee() + ", valid through " + license.expires() + " ("
                + license.daysLeft(clock.instant()) + " days left), "
                + (max.isPresent() ? max.getAsInt() + " concurrent sessions" : "no session limit");
    }

    /** Days until the license's end (0 on its last day and after); empty without a license file. */
    public OptionalLong daysLeft() {
        if (atStart == null) {
            return OptionalLong.empty();
        }
        return atStart.license().map(valid -> OptionalLong.of(Math.max(0, valid.license().daysLeft(clock.instant()))))
                .orElse(OptionalLong.empty());
    }

    /**
     * A concurrent-session limit and where it comes from.
     *
     * @param max    the most sessions at once, incoming and outgoing
     * @param source {@code license} or {@code configuration}
     */
    public record SessionLimit(int max, String source) {
        /** Why a session beyond it is refused, e.g. "the license's limit of 1 concurrent sessions is reached". */
        public String reached() {
            return "the " + source + "'s limit of " + max + " concurrent sessions is reached";
        }
    }
}
