package org.portcullis.backend.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.portcullis.backend.store.Sql;

/** The log-ignore rules ({@code ignore_rules}), in id order. */
public final class IgnoreRuleTable {
    private IgnoreRuleTable() {
    }

    /** Every rule. */
    public static List<IgnoreRule> list(Connection connection) throws SQLException {
        return Sql.list(connection, "SELECT id, pattern, description, valid_from, valid_until FROM ignore_rules"
                + " ORDER BY id", IgnoreRuleTable::rule);
    }

    /** Adds a rule (its id is ignored) and returns its new id. */
    public static long insert(Connection connection, IgnoreRule rule) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ignore_rules (pattern, description,"
                + " valid_from, valid_until, created_at) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, rule.pattern());
            insert.setString(2, rule.description());
            setInstant(insert, 3, rule.validFrom());
            setInstant(insert, 4, rule.validUntil());
            insert.setLong(5, System.currentTimeMillis());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Removes a rule; false if there is none with this id. */
    public static boolean delete(Connection connection, long id) throws SQLException {
        return Sql.update(connection, "DELETE FROM ignore_rules WHERE id = ?", id) > 0;
    }

    /** Removes every rule. */
    public static void deleteAll(Connection connection) throws SQLException {
        Sql.update(connection, "DELETE FROM ignore_rules");
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }

    private static IgnoreRule rule(ResultSet row) throws SQLException {
        Long from = Sql.nullableLong(row, "valid_from");
        Long until = Sql.nullableLong(row, "valid_until");
        return new IgnoreRule(row.getLong("id"), row.getString("pattern"), row.getString("description"),
                from == null ? null : Instant.ofEpochMilli(from), until == null ? null : Instant.ofEpochMilli(until));
    }
}
