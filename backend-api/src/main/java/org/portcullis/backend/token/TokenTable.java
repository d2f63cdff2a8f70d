package org.portcullis.backend.token;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.portcullis.backend.store.Sql;

/** The relay tokens ({@code tokens}): names and hashes, never the tokens themselves. */
public final class TokenTable {
    private TokenTable() {
    }

    /** Every token, by name. */
    public static List<TokenRecord> list(Connection connection) throws SQLException {
        return Sql.list(connection, "SELECT name, token_hash, created_at, revoked_at FROM tokens ORDER BY name",
                TokenTable::record);
    }

    /** The token with this name. */
    public static Optional<TokenRecord> get(Connection connection, String name) throws SQLException {
        return Sql.first(connection, "SELECT name, token_hash, created_at, revoked_at FROM tokens WHERE name = ?",
                TokenTable::record, name);
    }

    /** The token whose text hashes to this. */
    public static Optional<TokenRecord> findByHash(Connection connection, String hash) throws SQLException {
        return Sql.first(connection, "SELECT name, token_hash, created_at, revoked_at FROM tokens WHERE token_hash = ?",
                TokenTable::record, hash);
    }

    /** Stores a token record (a new name). */
    public static void insert(Connection connection, TokenRecord token) throws SQLException {
        Sql.update(connection, "INSERT INTO tokens (name, token_hash, created_at, revoked_at) VALUES (?, ?, ?, ?)",
                token.name(), token.hash(), token.created().toEpochMilli(),
                Sql.bigint(token.revoked() == null ? null : token.revoked().toEpochMilli()));
    }

    /** Marks the named token revoked; false if there is no such valid token. */
    public static boolean revoke(Connection connection, String name, Instant now) throws SQLException {
        return Sql.update(connection, "UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                now.toEpochMilli(), name) > 0;
    }

    /** Removes every token. */
    public static void deleteAll(Connection connection) throws SQLException {
        Sql.update(connection, "DELETE FROM tokens");
    }

    private static TokenRecord record(ResultSet row) throws SQLException {
        Long revoked = Sql.nullableLong(row, "revoked_at");
        return new TokenRecord(row.getString("name"), row.getString("token_hash"),
                Instant.ofEpochMilli(row.getLong("created_at")),
                revoked == null ? null : Instant.ofEpochMilli(revoked));
    }
}
