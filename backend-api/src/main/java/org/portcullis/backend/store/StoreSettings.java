package org.portcullis.backend.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the backend's state is.
 *
 * @param dataFolder the data folder (created 0700 if missing); holds the H2 database unless a JDBC URL is given
 * @param jdbcUrl another database (PostgreSQL), or null for H2 in the data folder
 * @param jdbcUser the user for {@code jdbcUrl}, or null to use what the URL says
 * @param jdbcPasswordFile a file whose first line is the password for {@code jdbcUrl}, or null
 * @param masterKeyFile the master key file, or null for {@code DATA/master.key} (created there if missing)
 */
public record StoreSettings(Path dataFolder, String jdbcUrl, String jdbcUser, Path jdbcPasswordFile,
                            Path masterKeyFile) {
    public StoreSettings {
        Objects.requireNonNull(dataFolder, "dataFolder");
    }

    /** H2 in the data folder, the master key in it. */
    public static StoreSettings inFolder(Path dataFolder) {
        return new StoreSettings(dataFolder, null, null, null, null);
    }
}
