package org.portcullis.relay.server;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Option;

/** {@code -v} (DEBUG: OFTP commands), {@code -vv} (TRACE) or {@code --log-level} for relay-server's own loggers. */
final class Verbosity {
    /** The levels an operator chooses from. */
    enum LogLevel {
        ERROR, WARN, INFO, DEBUG, TRACE
    }

    @Option(names = "-v", description = "More detail: -v logs each OFTP command (DEBUG), -vv everything (TRACE).")
    private boolean[] verbose = new boolean[0];

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "Level of relay-server's own logs: ${COMPLETION-CANDIDATES} (default INFO).")
    private LogLevel level;

    /** Sets the level of the {@code org.portcullis} loggers; leaves the configuration alone without options. */
    void apply() {
        Level chosen = level != null ? Level.getLevel(level.name())
                : verbose.length >= 2 ? Level.TRACE : verbose.length == 1 ? Level.DEBUG : null;
        if (chosen != null) {
            Configurator.setLevel("org.portcullis", chosen);
        }
    }
}
