package org.portcullis.daemon.control;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.logging.log4j.Level;
import org.portcullis.daemon.DurationConverter;

/**
 * {@code loglevel LEVEL [--logger NAME | --partner ODETTEID | --session ID] [--revert-after DURATION]}: the
 * level for the whole daemon (its {@code org.portcullis} loggers), one logger, one partner's or one session's
 * lines. LEVEL is ERROR, WARN, INFO, DEBUG, TRACE, OFF, or {@code reset} to drop what the control port set.
 * DURATION is {@code 500ms}, {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT10M}).
 *
 * @param level       the level, or {@code null} for {@code reset}
 * @param target      what it applies to
 * @param name        the logger name, Odette ID or session id; the daemon's logger for {@link Target#DAEMON}
 * @param revertAfter when to go back to the level before, or {@code null} to keep it until changed
 */
public record LogLevelRequest(Level level, Target target, String name, Duration revertAfter) {
    /** The loggers {@code loglevel LEVEL} without a target sets: every Portcullis logger. */
    public static final String DAEMON_LOGGER = "org.portcullis";

    private static final List<String> LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE", "OFF");

    /** What a level applies to. */
    public enum Target {
        DAEMON, LOGGER, PARTNER, SESSION
    }

    /**
     * Parses the words after {@code loglevel}.
     *
     * @throws IllegalArgumentException saying what is wrong, with the usage
     */
    public static LogLevelRequest parse(List<String> words) {
        if (words.isEmpty()) {
            throw usage("a LEVEL is missing");
        }
        Level level = level(words.get(0));
        Target target = Target.DAEMON;
        String name = DAEMON_LOGGER;
        Duration revertAfter = null;
        for (int i = 1; i < words.size(); i += 2) {
            String option = words.get(i);
            if (i + 1 >= words.size()) {
                throw usage(option + " needs a value");
            }
            String value = words.get(i + 1);
            switch (option) {
                case "--logger", "--partner", "--session" -> {
                    if (target != Target.DAEMON) {
                        throw usage("give one of --logger, --partner, --session");
                    }
                    target = Target.valueOf(option.substring(2).toUpperCase(Locale.ROOT));
                    name = value;
                }
                case "--revert-after" -> revertAfter = duration(value);
                default -> throw usage("unknown option " + option);
            }
        }
        if (level == null && revertAfter != null) {
            throw usage("reset takes no --revert-after");
        }
        return new LogLevelRequest(level, target, name, revertAfter);
    }

    private static Level level(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        if (upper.equals("RESET")) {
            return null;
        }
        if (!LEVELS.contains(upper)) {
            throw usage("unknown level " + word);
        }
        return Level.getLevel(upper);
    }

    /** A positive duration, short ({@code 10m}) or ISO-8601 ({@code PT10M}). */
    private static Duration duration(String text) {
        Duration duration;
        try {
            duration = DurationConverter.parse(text);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (duration.isZero()) {
            throw usage("the duration must be positive: " + text);
        }
        return duration;
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "; usage: loglevel LEVEL|reset [--logger NAME | --partner "
                + "ODETTEID | --session ID] [--revert-after DURATION]");
    }

    /** What it applies to, in words: "logger org.portcullis", "partner O0013…". */
    public String subject() {
        return target == Target.DAEMON ? "logger " + name : target.name().toLowerCase(Locale.ROOT) + " " + name;
    }
}
