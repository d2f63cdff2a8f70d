package org.portcullis.backend.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.portcullis.backend.BackendException;
import org.portcullis.backend.keys.KeySealer;
import org.portcullis.backend.keys.MasterKey;

/**
 * The backend's state, opened: the data folder, the master key (as a {@link KeySealer}), the database with its
 * schema up to date. The service and every CLI command open one; several may be open at once on the same data
 * (H2's automatic mixed mode, or PostgreSQL).
 */
public final class Store implements AutoCloseable {
    /** The user of the embedded H2 database; its password is derived from the master key. */
    static final String H2_USER = "portcullis";

    private final DataFolder folder;
    private final KeySealer sealer;
    private final Database database;

    private Store(DataFolder folder, KeySealer sealer, Database database) {
        this.folder = folder;
        this.sealer = sealer;
        this.database = database;
    }

    /**
     * Opens the state: creates the data folder and the default master key if missing, refuses a master key others
     * may read, opens and migrates the database.
     *
     * @throws BackendException with a one-line message when any of it fails
     */
    public static Store open(StoreSettings settings) {
        DataFolder folder = DataFolder.create(settings.dataFolder());
        MasterKey masterKey = settings.masterKeyFile() == null ? MasterKey.loadOrCreate(folder.masterKey())
                : MasterKey.load(settings.masterKeyFile());
        KeySealer sealer = new KeySealer(masterKey);
        DatabaseSettings database = settings.jdbcUrl() == null
                ? new DatabaseSettings(folder.defaultJdbcUrl(), H2_USER, sealer.derive("h2-database-password"))
                : new DatabaseSettings(settings.jdbcUrl(), settings.jdbcUser(), password(settings));
        return new Store(folder, sealer, Database.open(database, new ChangeSignal(folder.changeSignal())));
    }

    /** The data folder. */
    public DataFolder folder() {
        return folder;
    }

    /** Seals and opens private keys with the master key. */
    public KeySealer sealer() {
        return sealer;
    }

    /** The database. */
    public Database database() {
        return database;
    }

    /** The TLS identities, their keys sealed. */
    public IdentityTable identities() {
        return new IdentityTable(sealer);
    }

    @Override
    public void close() {
        database.close();
    }

    private static String password(StoreSettings settings) {
        if (settings.jdbcPasswordFile() == null) {
            return null;
        }
        try {
            String text = Files.readString(settings.jdbcPasswordFile(), StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).strip();
        } catch (IOException e) {
            throw new BackendException("cannot read the database password file " + settings.jdbcPasswordFile() + ": "
                    + e.getMessage(), e);
        }
    }
}
