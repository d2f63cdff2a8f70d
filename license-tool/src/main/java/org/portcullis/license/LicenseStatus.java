package org.portcullis.license;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of a license check at one instant: valid, with the license and its days left, or refused, with the
 * cause and a one-line message. A valid license within {@value #WARNING_DAYS} days of its last day carries a
 * warning.
 */
public final class LicenseStatus {
    /** From this many days before the last valid day on, a valid license carries a warning. */
    public static final int WARNING_DAYS = 30;

    private final Path file;
    private final VerifiedLicense verified;
    private final LicenseException refusal;
    private final Instant checkedAt;

    private LicenseStatus(Path file, VerifiedLicense verified, LicenseException refusal, Instant checkedAt) {
        this.file = file;
        this.verified = verified;
        this.refusal = refusal;
        this.checkedAt = checkedAt;
    }

    /** A valid license, checked at {@code now}. */
    public static LicenseStatus valid(Path file, VerifiedLicense verified, Instant now) {
        return new LicenseStatus(file, verified, null, now);
    }

    /** A refused license, checked at {@code now}. */
    public static LicenseStatus refused(Path file, LicenseException refusal, Instant now) {
        return new LicenseStatus(file, null, refusal, now);
    }

    /**
     * The same license at a later instant, without reading the file again: for a running server deciding on a new
     * session or on its daily warning. A valid license past its last day becomes {@link LicenseProblem#EXPIRED}.
     */
    public LicenseStatus at(Instant later) {
        if (!valid()) {
            return this;
        }
        if (!later.isBefore(verified.license().validUntil())) {
            LicenseException expired = LicenseVerifier.expired(verified.license());
            return refused(file, new LicenseException(expired.problem(), "license " + file + ": "
                    + expired.getMessage()), later);
        }
        return valid(file, verified, later);
    }

    public boolean valid() {
        return verified != null;
    }

    /** Why it was refused; empty when valid. */
    public Optional<LicenseProblem> problem() {
        return valid() ? Optional.empty() : Optional.of(refusal.problem());
    }

    /** 0 when valid, otherwise the cause's exit code. */
    public int exitCode() {
        return valid() ? 0 : refusal.problem().exitCode();
    }

    /** One line: what was refused and why, or who the valid license is for and until when. */
    public String message() {
        if (!valid()) {
            return refusal.getMessage();
        }
        License license = verified.license();
        return "license " + file + ": valid for " + license.licensee() + " through " + license.expires() + " ("
                + days() + ")";
    }

    /** The valid license; empty when refused. */
    public Optional<VerifiedLicense> license() {
        return Optional.ofNullable(verified);
    }

    /** The session limit of a valid license; empty when it has none or is refused. */
    public OptionalInt maxSessions() {
        return valid() ? verified.license().maxSessions() : OptionalInt.empty();
    }

    /** A line for the log when a valid license is within {@value #WARNING_DAYS} days of its last day. */
    public Optional<String> warning() {
        if (!valid() || verified.license().daysLeft(checkedAt) > WARNING_DAYS) {
            return Optional.empty();
        }
        return Optional.of("license " + file + " expires soon: its last valid day is " + verified.license().expires()
                + " (" + days() + "); renew it with the vendor");
    }

    /** What {@code -V} prints for a valid license: one {@code name: value} line per fact. */
    public List<String> report() {
        if (!valid()) {
            return List.of(message());
        }
        License license = verified.license();
        List<String> lines = new ArrayList<>();
        lines.add("license: valid");
        lines.add("file: " + file);
        lines.add("licensee: " + license.licensee());
        lines.add("proxy-id: " + license.proxyId() + " (matches)");
        lines.add("not-before: " + license.notBefore());
        lines.add("expires: " + license.expires() + " (" + days() + ")");
        OptionalInt max = license.maxSessions();
        lines.add("max-sessions: " + (max.isPresent() ? Integer.toString(max.getAsInt()) : "unlimited"));
        license.otherFields().forEach((name, value) -> lines.add(name + ": " + value));
        lines.add("signed-by: " + verified.signedBy());
        warning().ifPresent(warning -> lines.add("warning: " + warning));
        return List.copyOf(lines);
    }

    private String days() {
        long left = verified.license().daysLeft(checkedAt);
        return left == 0 ? "last day" : left == 1 ? "1 day left" : left + " days left";
    }
}
