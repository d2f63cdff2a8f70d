package org.portcullis.backend.crl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.portcullis.backend.store.Sql;

/** The CRL distribution points to fetch ({@code crl_urls}) and how the last fetch of each went. */
public final class CrlUrlTable {
    private static final String COLUMNS = "url, reported_at, last_attempt_at, last_success_at, last_error";

    private CrlUrlTable() {
    }

    /** Every URL, in URL order. */
    public static List<CrlUrlStatus> list(Connection connection) throws SQLException {
        return Sql.list(connection, "SELECT " + COLUMNS + " FROM crl_urls ORDER BY url", CrlUrlTable::status);
    }

    /** The status of one URL. */
    public static Optional<CrlUrlStatus> get(Connection connection, String url) throws SQLException {
        return Sql.first(connection, "SELECT " + COLUMNS + " FROM crl_urls WHERE url = ?", CrlUrlTable::status, url);
    }

    /** How many URLs there are. */
    public static int count(Connection connection) throws SQLException {
        return Sql.first(connection, "SELECT COUNT(*) FROM crl_urls", row -> row.getInt(1)).orElse(0);
    }

    /** Adds the URL if it is new; true if it was. */
    public static boolean add(Connection connection, String url, Instant now) throws SQLException {
        if (get(connection, url).isPresent()) {
            return false;
        }
        Sql.update(connection, "INSERT INTO crl_urls (url, reported_at) VALUES (?, ?)", url, now.toEpochMilli());
        return true;
    }

    /** Records a fetch: a success (error null) or a failure with its reason. */
    public static void recordAttempt(Connection connection, String url, Instant now, String error) throws SQLException {
        if (error == null) {
            Sql.update(connection, "UPDATE crl_urls SET last_attempt_at = ?, last_success_at = ?, last_error = ?"
                    + " WHERE url = ?", now.toEpochMilli(), now.toEpochMilli(), Sql.text(null), url);
        } else {
            Sql.update(connection, "UPDATE crl_urls SET last_attempt_at = ?, last_error = ? WHERE url = ?",
                    now.toEpochMilli(), error.length() > 1000 ? error.substring(0, 1000) : error, url);
        }
    }

    /** Removes the URL; false if it was not there. */
    public static boolean delete(Connection connection, String url) throws SQLException {
        return Sql.update(connection, "DELETE FROM crl_urls WHERE url = ?", url) > 0;
    }

    /** Removes every URL. */
    public static void deleteAll(Connection connection) throws SQLException {
        Sql.update(connection, "DELETE FROM crl_urls");
    }

    private static CrlUrlStatus status(ResultSet row) throws SQLException {
        Long attempt = Sql.nullableLong(row, "last_attempt_at");
        Long success = Sql.nullableLong(row, "last_success_at");
        return new CrlUrlStatus(row.getString("url"), Instant.ofEpochMilli(row.getLong("reported_at")),
                attempt == null ? null : Instant.ofEpochMilli(attempt),
                success == null ? null : Instant.ofEpochMilli(success), row.getString("last_error"));
    }
}
