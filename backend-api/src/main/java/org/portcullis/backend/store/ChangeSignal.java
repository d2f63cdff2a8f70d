package org.portcullis.backend.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Tells a running service that the state changed: each committed write rewrites a small file in the data folder,
 * which the service watches, so a change made by the CLI (another process) reaches waiting relays at once.
 */
public final class ChangeSignal implements Runnable {
    /** The file's name in the data folder. */
    public static final String FILE_NAME = "changes";

    private static final Logger LOG = LogManager.getLogger();

    private final Path file;

    public ChangeSignal(Path file) {
        this.file = file;
    }

    /** Rewrites the file with the time of the change. */
    @Override
    public void run() {
        try {
            Files.writeString(file, Instant.now() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // The service's periodic refresh still picks the change up, only later.
            LOG.warn("cannot touch {}; a running service sees this change at its next periodic refresh: {}", file,
                    e.getMessage());
        }
    }
}
