package org.portcullis.oftp2.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The send folder (RFC 5024 §4.3, §5.3.3): which files go out, under which SFID identity and from which
 * restart position, and where a file moves once its end-to-end receipt (EERP) came back.
 */
final class Outbox {
    private static final Logger LOG = LogManager.getLogger();
    /** SFIDDSN X(26) in the RFC character set; '/' is left out because it cannot be in a file name. */
    private static final Pattern DATASET_NAME = Pattern.compile("[0-9A-Z.&()-]{1,26}");

    private final Path dir;
    private final SendRestartStore restarts;
    private final SfidClock clock;

    Outbox(Path dir, Clock clock) {
        this.dir = dir;
        this.restarts = new SendRestartStore(dir);
        this.clock = new SfidClock(clock);
    }

    /** Regular files of the folder sorted by name; hidden files, folders and invalid names are skipped. */
    List<Path> files(String logPrefix) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .filter(path -> isDatasetName(path, logPrefix))
                    .sorted().toList();
        }
    }

    /** The SFID identity for a file: the saved one when an earlier transfer was cut, else a fresh one. */
    OutgoingFile prepare(Path path) throws IOException {
        String name = path.getFileName().toString();
        long size = Files.size(path);
        long modified = Files.getLastModifiedTime(path).toMillis();
        SendRestartStore.Saved saved = restarts.load(name, size, modified);
        if (saved != null) {
            return new OutgoingFile(path, name, saved.date(), saved.time(), size, saved.confirmedOctets() / 1024);
        }
        String[] stamp = clock.next();
        return new OutgoingFile(path, name, stamp[0], stamp[1], size, 0);
    }

    /** Remembers a cut transfer so the next session resumes it from the confirmed position. */
    void interrupted(OutgoingFile file, long confirmedOctets) throws IOException {
        if (Files.isRegularFile(file.path())) {
            restarts.save(file, Files.getLastModifiedTime(file.path()).toMillis(), confirmedOctets);
        }
    }

    /** The Listener accepted the whole file: nothing to resume any more. */
    void transferred(String datasetName) throws IOException {
        restarts.clear(datasetName);
    }

    /**
     * The partner's EERP arrived: the file counts as delivered and moves to {@code sent/}, so a re-run does
     * not send it again. Returns false when no such file waits in the folder.
     */
    boolean delivered(String datasetName) throws IOException {
        // The name comes from the partner: it must be one this peer could have sent before it touches a path.
        if (!DATASET_NAME.matcher(datasetName).matches() || datasetName.startsWith(".")) {
            return false;
        }
        restarts.clear(datasetName);
        Path file = dir.resolve(datasetName);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Path sent = Files.createDirectories(dir.resolve("sent"));
        Files.move(file, sent.resolve(datasetName), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static boolean isDatasetName(Path path, String logPrefix) {
        String name = path.getFileName().toString();
        if (DATASET_NAME.matcher(name).matches()) {
            return true;
        }
        LOG.warn("{} skipping {}: not a valid OFTP dataset name (1..26 of A-Z 0-9 . & ( ) -)", logPrefix, name);
        return false;
    }
}
