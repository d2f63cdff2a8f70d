package org.portcullis.backend.event;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.portcullis.backend.store.Setting;
import org.portcullis.backend.store.SettingsTable;

/**
 * The event script: the program run for each event that no ignore rule matches, and how long it may run.
 *
 * @param script the executable, run directly (no shell in between)
 * @param timeout how long it may run before it is killed, default 30 s
 */
public record EventScriptSettings(Path script, Duration timeout) {
    /** The default time limit. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public EventScriptSettings {
        Objects.requireNonNull(script, "script");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the event script timeout must be positive");
        }
    }

    /** The configured script, if any. */
    public static Optional<EventScriptSettings> read(Connection connection) throws SQLException {
        Optional<String> path = SettingsTable.get(connection, Setting.EVENT_SCRIPT_PATH);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Duration timeout = SettingsTable.getDuration(connection, Setting.EVENT_SCRIPT_TIMEOUT).orElse(DEFAULT_TIMEOUT);
        return Optional.of(new EventScriptSettings(Path.of(path.get()), timeout));
    }

    /** Stores these settings. */
    public void write(Connection connection) throws SQLException {
        SettingsTable.put(connection, Setting.EVENT_SCRIPT_PATH, script.toString());
        SettingsTable.putDuration(connection, Setting.EVENT_SCRIPT_TIMEOUT, timeout);
    }

    /** Removes the script. */
    public static void clear(Connection connection) throws SQLException {
        SettingsTable.remove(connection, Setting.EVENT_SCRIPT_PATH);
        SettingsTable.remove(connection, Setting.EVENT_SCRIPT_TIMEOUT);
    }
}
