package org.portcullis.relay.server.refusals;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code refusals}: the daily review of an allow-listing relay as one command. Reads the audit files
 * ({@code audit-YYYY-MM-DD.json}) of a log folder and summarises who was refused in a period: partners by Odette
 * ID and address, egress by host, with counts and reasons. Exit 0 with the summary; 1 when the folder cannot be
 * read; 2 for a usage error.
 */
@Command(name = "refusals",
        description = {"Summarises from the audit log who was refused in a period: partners by Odette ID and address,"
                + " egress by host, with counts and reasons.",
            "Times are a date (2026-11-20), a local time (2026-11-20T08:00) or an instant (2026-11-20T07:00:00Z);"
                + " a date as --until includes that day."})
public final class RefusalsCommand implements Callable<Integer> {
    /** The folder the daemons write their logs to when installed. */
    static final String DEFAULT_DIR = "/var/log/portcullis";
    /** Exit code when the audit folder or a file in it cannot be read. */
    static final int CANNOT_READ = 1;

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;
    private final ZoneId zone;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help and exits.")
    private boolean help;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR,
            description = "The folder of the audit files (default: ${DEFAULT-VALUE}).")
    private Path dir;

    @Option(names = "--since", paramLabel = "TIME", description = "The start of the period (default: 24 hours ago).")
    private String since;

    @Option(names = "--until", paramLabel = "TIME", description = "The end of the period (default: now).")
    private String until;

    /** The system clock and time zone. */
    public RefusalsCommand() {
        this(Clock.systemDefaultZone());
    }

    /** Another clock, whose zone the dates are read in: for tests. */
    RefusalsCommand(Clock clock) {
        this.clock = clock;
        this.zone = clock.getZone();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Period period = period();
        if (!Files.isDirectory(dir)) {
            err.printf("refusals: %s is not a folder (give the log folder with --dir)%n", dir);
            err.flush();
            return CANNOT_READ;
        }
        AuditFiles files = new AuditFiles(dir, zone);
        RefusalSummary summary = new RefusalSummary();
        try {
            files.read(period, summary::add);
        } catch (IOException e) {
            err.printf("refusals: cannot read the audit files in %s: %s%n", dir, e);
            err.flush();
            return CANNOT_READ;
        }
        out.printf("Audit from %s to %s (%s) in %s: %d sessions in %d file%s%n",
                SHOWN.format(period.since().atZone(zone)), SHOWN.format(period.until().atZone(zone)), zone, dir,
                summary.sessions(), files.files(), files.files() == 1 ? "" : "s");
        summary.print(out);
        out.flush();
        if (files.unreadable() > 0) {
            err.printf("refusals: skipped %d line%s that %s no audit record%n", files.unreadable(),
                    files.unreadable() == 1 ? "" : "s", files.unreadable() == 1 ? "is" : "are");
            err.flush();
        }
        return 0;
    }

    /** The period the options name; a usage error when they name none. */
    private Period period() {
        try {
            Instant end = until == null ? clock.instant() : Period.parse(until, zone, true);
            Instant start = since == null ? end.minus(Duration.ofDays(1)) : Period.parse(since, zone, false);
            return new Period(start, end);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
