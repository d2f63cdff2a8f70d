package org.portcullis.backend.event;

import java.util.Locale;
import org.apache.logging.log4j.Level;

/** How bad an event is, as the relays report it. */
public enum Severity {
    /** Worth knowing. */
    INFO(Level.INFO),
    /** Something failed that may need a look. */
    WARNING(Level.WARN),
    /** Something failed that needs an operator. */
    ERROR(Level.ERROR),
    /** The relay cannot do its job. */
    CRITICAL(Level.ERROR);

    private final Level level;

    Severity(Level level) {
        this.level = level;
    }

    /** The log level an event of this severity is logged at. */
    public Level level() {
        return level;
    }

    /** Parses a severity in any case ("warning", "WARN" too); IllegalArgumentException if unknown. */
    public static Severity parse(String text) {
        String upper = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if ("WARN".equals(upper)) {
            return WARNING;
        }
        for (Severity severity : values()) {
            if (severity.name().equals(upper)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("severity must be INFO, WARNING, ERROR or CRITICAL, not \"" + text + "\"");
    }
}
