package org.portcullis.backend.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/** The {@code settings} table: one text value per {@link Setting}. */
public final class SettingsTable {
    private SettingsTable() {
    }

    /** The value, if set. */
    public static Optional<String> get(Connection connection, Setting setting) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT setting_value FROM settings WHERE name = ?")) {
            select.setString(1, setting.key());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The value as an integer, if set. */
    public static Optional<Integer> getInt(Connection connection, Setting setting) throws SQLException {
        Optional<String> text = get(connection, setting);
        return text.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(text.get()));
    }

    /** The value as a duration (stored in milliseconds), if set. */
    public static Optional<Duration> getDuration(Connection connection, Setting setting) throws SQLException {
        Optional<String> text = get(connection, setting);
        return text.isEmpty() ? Optional.empty() : Optional.of(Duration.ofMillis(Long.parseLong(text.get())));
    }

    /** Sets the value (an update, or an insert where there was none: portable, no MERGE). */
    public static void put(Connection connection, Setting setting, String value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE settings SET setting_value = ? WHERE name = ?")) {
            update.setString(1, value);
            update.setString(2, setting.key());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO settings (name, setting_value) VALUES (?, ?)")) {
            insert.setString(1, setting.key());
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }

    /** Sets a duration, in milliseconds. */
    public static void putDuration(Connection connection, Setting setting, Duration value) throws SQLException {
        put(connection, setting, Long.toString(value.toMillis()));
    }

    /** Removes the value; true if there was one. */
    public static boolean remove(Connection connection, Setting setting) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM settings WHERE name = ?")) {
            delete.setString(1, setting.key());
            return delete.executeUpdate() > 0;
        }
    }
}
