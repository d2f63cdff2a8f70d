package org.portcullis.backend.cli;

import java.nio.file.Path;
import org.portcullis.backend.store.StoreSettings;
import picocli.CommandLine.Option;

/** The options every command that works on the state takes: where the data is. */
public final class StoreOptions {
    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "the data folder (created 0700 if missing): the H2 database, the master key by default")
    Path data;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "another database instead of H2 in the data folder, e.g. jdbc:postgresql://db/portcullis")
    String jdbcUrl;

    @Option(names = "--jdbc-user", paramLabel = "USER", description = "the user for --jdbc-url")
    String jdbcUser;

    @Option(names = "--jdbc-password-file", paramLabel = "FILE",
            description = "a file whose first line is the password for --jdbc-url")
    Path jdbcPasswordFile;

    @Option(names = "--master-key", paramLabel = "FILE",
            description = "the master key file (owner-only permissions); default DIR/master.key, created if missing")
    Path masterKey;

    /** The settings these options make. */
    public StoreSettings settings() {
        return new StoreSettings(data, jdbcUrl, jdbcUser, jdbcPasswordFile, masterKey);
    }
}
