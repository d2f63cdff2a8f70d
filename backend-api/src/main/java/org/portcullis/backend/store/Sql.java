package org.portcullis.backend.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Prepared statements in one call: parameters bound in order (null as SQL NULL), rows mapped to values. */
public final class Sql {
    /**
     * Maps the current row.
     *
     * @param <T> the value
     */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** A NULL of a given SQL type (PostgreSQL wants NULLs typed like their column). */
    private record TypedNull(int sqlType) {
    }

    private Sql() {
    }

    /** A BIGINT parameter that may be null. */
    public static Object bigint(Long value) {
        return value == null ? new TypedNull(Types.BIGINT) : value;
    }

    /** A VARCHAR parameter that may be null. */
    public static Object text(String value) {
        return value == null ? new TypedNull(Types.VARCHAR) : value;
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it touched; nulls via bigint/text. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /** Every row the query returns, mapped. */
    public static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(row.map(rows));
                }
                return values;
            }
        }
    }

    /** The first row the query returns, mapped, if any. */
    public static <T> Optional<T> first(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        List<T> values = list(connection, sql, row, parameters);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A BIGINT column that may be NULL. */
    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof TypedNull) {
                statement.setNull(i + 1, ((TypedNull) parameter).sqlType());
            } else if (parameter instanceof String) {
                statement.setString(i + 1, (String) parameter);
            } else if (parameter instanceof Integer) {
                statement.setInt(i + 1, (Integer) parameter);
            } else if (parameter instanceof Long) {
                statement.setLong(i + 1, (Long) parameter);
            } else {
                throw new IllegalArgumentException("no binding for " + (parameter == null
                        ? "a bare null (use Sql.bigint or Sql.text)" : parameter.getClass().getName()));
            }
        }
    }
}
