package org.portcullis.backend.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.portcullis.backend.BackendException;
import org.portcullis.backend.keys.KeySealer;
import org.portcullis.config.TlsIdentity;

/**
 * relay-server's TLS identities ({@code identities}): the certificate chain as PEM, the private key sealed with
 * the master key, so the database alone never reveals a key.
 */
public final class IdentityTable {
    private final KeySealer sealer;

    public IdentityTable(KeySealer sealer) {
        this.sealer = sealer;
    }

    /**
     * The identity for the purpose, its key opened.
     *
     * @throws BackendException if the key does not open with this master key
     */
    public Optional<TlsIdentity> get(Connection connection, IdentityPurpose purpose) throws SQLException {
        Optional<String[]> row = Sql.first(connection,
                "SELECT certificate_chain_pem, sealed_private_key FROM identities WHERE purpose = ?",
                rows -> new String[] {rows.getString(1), rows.getString(2)}, purpose.key());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TlsIdentity(row.get()[0], sealer.open(row.get()[1], sealingPurpose(purpose))));
    }

    /** Stores the identity for the purpose, replacing any. */
    public void put(Connection connection, IdentityPurpose purpose, TlsIdentity identity) throws SQLException {
        String sealed = sealer.seal(identity.privateKeyPem(), sealingPurpose(purpose));
        Sql.update(connection, "DELETE FROM identities WHERE purpose = ?", purpose.key());
        Sql.update(connection, "INSERT INTO identities (purpose, certificate_chain_pem, sealed_private_key,"
                + " imported_at) VALUES (?, ?, ?, ?)", purpose.key(), identity.certificateChainPem(), sealed,
                System.currentTimeMillis());
    }

    /** Removes the identity for the purpose; false if there is none. */
    public boolean delete(Connection connection, IdentityPurpose purpose) throws SQLException {
        return Sql.update(connection, "DELETE FROM identities WHERE purpose = ?", purpose.key()) > 0;
    }

    /** Removes every identity. */
    public static void deleteAll(Connection connection) throws SQLException {
        Sql.update(connection, "DELETE FROM identities");
    }

    private static String sealingPurpose(IdentityPurpose purpose) {
        return "identity:" + purpose.key();
    }
}
