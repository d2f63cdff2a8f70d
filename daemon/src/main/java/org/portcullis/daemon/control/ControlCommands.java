package org.portcullis.daemon.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.daemon.metrics.PrometheusText;
import org.portcullis.daemon.metrics.PrometheusText.Type;

/**
 * Carries out the control port's commands: {@code status}, {@code sessions}, {@code kill-session ID},
 * {@code loglevel …} and {@code metrics}. A command is one line of words separated by spaces.
 */
public final class ControlCommands {
    private static final Logger LOG = LogManager.getLogger();
    private static final String COMMANDS = "status, sessions, kill-session ID, loglevel LEVEL [...], metrics";

    /**
     * What the daemon process is.
     *
     * @param name    the daemon's name
     * @param version its version
     * @param pid     its PID
     * @param started when it started
     */
    public record Facts(String name, String version, long pid, Instant started) {
    }

    private final Facts facts;
    private final ControlledDaemon daemon;
    private final LogLevels levels;
    private final BooleanSupplier draining;
    private final Clock clock;

    /** @param draining true once the daemon stopped taking new sessions */
    public ControlCommands(Facts facts, ControlledDaemon daemon, LogLevels levels, BooleanSupplier draining,
            Clock clock) {
        this.facts = facts;
        this.daemon = daemon;
        this.levels = levels;
        this.draining = draining;
        this.clock = clock;
    }

    /** Carries out one command line; never throws: a failure is an ERROR answer. */
    public ControlResponse execute(String line) {
        List<String> words = Arrays.stream(line.strip().split(" +")).filter(word -> !word.isEmpty()).toList();
        if (words.isEmpty()) {
            return ControlResponse.error("no command; commands: " + COMMANDS);
        }
        List<String> arguments = words.subList(1, words.size());
        try {
            return switch (words.get(0)) {
                case "status" -> noArguments(arguments, this::status);
                case "sessions" -> noArguments(arguments, this::sessions);
                case "metrics" -> noArguments(arguments, this::metrics);
                case "kill-session" -> killSession(arguments);
                case "loglevel" -> ControlResponse.ok(levels.apply(LogLevelRequest.parse(arguments)) + "\n");
                default -> ControlResponse.error("unknown command " + words.get(0) + "; commands: " + COMMANDS);
            };
        } catch (IllegalArgumentException usage) {
            return ControlResponse.error(usage.getMessage());
        } catch (RuntimeException bug) {
            LOG.error("control command {} failed", words.get(0), bug);
            return ControlResponse.error(words.get(0) + " failed: " + bug);
        }
    }

    private static ControlResponse noArguments(List<String> arguments, Supplier<String> body) {
        return arguments.isEmpty() ? ControlResponse.ok(body.get())
                : ControlResponse.error("unexpected arguments: " + String.join(" ", arguments));
    }

    private String status() {
        Instant now = clock.instant();
        StringBuilder text = new StringBuilder();
        field(text, "daemon", facts.name());
        field(text, "version", facts.version());
        field(text, "pid", Long.toString(facts.pid()));
        field(text, "started", facts.started().toString());
        field(text, "uptime", Duration.between(facts.started(), now).toSeconds() + "s");
        field(text, "state", draining.getAsBoolean() ? "draining" : "running");
        for (Map.Entry<String, String> entry : daemon.status().entrySet()) {
            field(text, entry.getKey(), entry.getValue());
        }
        List<String> set = levels.describe();
        field(text, "log-levels", set.isEmpty() ? "as configured" : String.join("; ", set));
        List<SessionSummary> running = daemon.sessions();
        field(text, "sessions", Integer.toString(running.size()));
        running.forEach(session -> text.append("  ").append(session.line(now)).append('\n'));
        return text.toString();
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append(": ").append(value).append('\n');
    }

    private String sessions() {
        Instant now = clock.instant();
        StringBuilder text = new StringBuilder();
        daemon.sessions().forEach(session -> text.append(session.line(now)).append('\n'));
        return text.toString();
    }

    private ControlResponse killSession(List<String> arguments) {
        if (arguments.size() != 1) {
            return ControlResponse.error("usage: kill-session ID");
        }
        String id = arguments.get(0);
        if (!daemon.killSession(id)) {
            return ControlResponse.error("no running session " + id);
        }
        LOG.warn("session {} ended over the control port (ESID 05)", id);
        return ControlResponse.ok("session " + id + " ended with ESID 05\n");
    }

    private String metrics() {
        PrometheusText out = new PrometheusText();
        out.family("portcullis_build_info", Type.GAUGE, "The daemon and its version; always 1.")
                .sample(1, "daemon", facts.name(), "version", facts.version());
        out.single("portcullis_uptime_seconds", Type.GAUGE, "Seconds since the daemon started.",
                Duration.between(facts.started(), clock.instant()).toMillis() / 1000.0);
        out.single("portcullis_draining", Type.GAUGE, "1 once the daemon stopped taking new sessions.",
                draining.getAsBoolean() ? 1 : 0);
        daemon.metrics(out);
        return out.toString();
    }
}
