package org.portcullis.backend.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.portcullis.config.ListenerConfig;

/** relay-server's public listeners ({@code listeners}), in address and port order. */
public final class ListenerTable {
    private ListenerTable() {
    }

    /** Every listener. */
    public static List<ListenerConfig> list(Connection connection) throws SQLException {
        return Sql.list(connection, "SELECT address, port FROM listeners ORDER BY address, port",
                row -> new ListenerConfig(row.getString(1), row.getInt(2)));
    }

    /** Adds a listener; false if it is already there. */
    public static boolean insert(Connection connection, ListenerConfig listener) throws SQLException {
        if (Sql.first(connection, "SELECT 1 FROM listeners WHERE address = ? AND port = ?", row -> 1,
                listener.address(), listener.port()).isPresent()) {
            return false;
        }
        Sql.update(connection, "INSERT INTO listeners (address, port) VALUES (?, ?)", listener.address(),
                listener.port());
        return true;
    }

    /** Removes a listener; false if there is none. */
    public static boolean delete(Connection connection, ListenerConfig listener) throws SQLException {
        return Sql.update(connection, "DELETE FROM listeners WHERE address = ? AND port = ?", listener.address(),
                listener.port()) > 0;
    }

    /** Removes every listener. */
    public static void deleteAll(Connection connection) throws SQLException {
        Sql.update(connection, "DELETE FROM listeners");
    }
}
