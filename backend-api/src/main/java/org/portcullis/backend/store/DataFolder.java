package org.portcullis.backend.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.portcullis.backend.BackendException;

/**
 * The backend's data folder and what lives in it by default: the H2 database files ({@code backend.mv.db}), the
 * master key ({@code master.key}) and the change signal ({@code changes}). Created readable by its owner only.
 */
public final class DataFolder {
    private final Path root;

    private DataFolder(Path root) {
        this.root = root;
    }

    /**
     * The folder, created with mode 0700 if missing.
     *
     * @throws BackendException if it cannot be created or its path cannot be part of a JDBC URL
     */
    public static DataFolder create(Path path) {
        Path root = path.toAbsolutePath().normalize();
        if (root.toString().indexOf(';') >= 0) {
            throw new BackendException("the data folder " + root + " must not contain ';' (it ends a JDBC URL)");
        }
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new BackendException("cannot create the data folder " + root + ": " + e.getMessage(), e);
        }
        return new DataFolder(root);
    }

    /** The folder. */
    public Path root() {
        return root;
    }

    /** The default master key file. */
    public Path masterKey() {
        return root.resolve("master.key");
    }

    /** The file every committed change touches, watched by the running service. */
    public Path changeSignal() {
        return root.resolve(ChangeSignal.FILE_NAME);
    }

    /**
     * The embedded H2 database in this folder, in automatic mixed mode: the first process to open it (the
     * service) serves it to the others (the CLI) on a loopback port named in its lock file.
     */
    public String defaultJdbcUrl() {
        return "jdbc:h2:file:" + root.resolve("backend") + ";AUTO_SERVER=TRUE";
    }
}
