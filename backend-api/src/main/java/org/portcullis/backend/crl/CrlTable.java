package org.portcullis.backend.crl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.portcullis.backend.store.Sql;

/** The CRLs held ({@code crls}), one per source, in source order. */
public final class CrlTable {
    private static final String COLUMNS = "source, issuer, this_update, next_update, crl_pem";

    private CrlTable() {
    }

    /** Every CRL held. */
    public static List<StoredCrl> list(Connection connection) throws SQLException {
        return Sql.list(connection, "SELECT " + COLUMNS + " FROM crls ORDER BY source", CrlTable::crl);
    }

    /** The CRL from this source. */
    public static Optional<StoredCrl> get(Connection connection, String source) throws SQLException {
        return Sql.first(connection, "SELECT " + COLUMNS + " FROM crls WHERE source = ?", CrlTable::crl, source);
    }

    /** Stores the CRL for its source, replacing the one held. */
    public static void put(Connection connection, StoredCrl crl) throws SQLException {
        Sql.update(connection, "DELETE FROM crls WHERE source = ?", crl.source());
        Sql.update(connection, "INSERT INTO crls (" + COLUMNS + ", stored_at) VALUES (?, ?, ?, ?, ?, ?)", crl.source(),
                crl.issuer(), crl.thisUpdate().toEpochMilli(),
                Sql.bigint(crl.nextUpdate() == null ? null : crl.nextUpdate().toEpochMilli()), crl.crlPem(),
                System.currentTimeMillis());
    }

    /** Removes the CRL of this source; false if there is none. */
    public static boolean delete(Connection connection, String source) throws SQLException {
        return Sql.update(connection, "DELETE FROM crls WHERE source = ?", source) > 0;
    }

    /** Removes every CRL. */
    public static void deleteAll(Connection connection) throws SQLException {
        Sql.update(connection, "DELETE FROM crls");
    }

    private static StoredCrl crl(ResultSet row) throws SQLException {
        Long next = Sql.nullableLong(row, "next_update");
        return new StoredCrl(row.getString("source"), row.getString("issuer"),
                Instant.ofEpochMilli(row.getLong("this_update")), next == null ? null : Instant.ofEpochMilli(next),
                row.getString("crl_pem"));
    }
}
