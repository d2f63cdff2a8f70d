package org.portcullis.oftp2.peer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The sender's memory of interrupted transfers (RFC 5024 §5.3.3 SFIDREST): per file of the send folder,
 * the SFID identity and the position the Listener confirmed with CDTs, kept in
 * {@code <send folder>/.oftp2-restart/<dataset name>} so the next session resumes with the same identity.
 */
final class SendRestartStore {
    private final Path folder;

    SendRestartStore(Path sendDir) {
        this.folder = sendDir.resolve(".oftp2-restart");
    }

    /** The saved state of a file, or {@code null} when there is none or the file changed since. */
    Saved load(String datasetName, long size, long modifiedMillis) throws IOException {
        Path state = folder.resolve(datasetName);
        if (!Files.isRegularFile(state)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Saved saved = Saved.of(properties);
        return saved != null && saved.size == size && saved.modifiedMillis == modifiedMillis ? saved : null;
    }

    /** Remembers that the transfer of {@code file} was cut after {@code confirmedOctets}. */
    void save(OutgoingFile file, long modifiedMillis, long confirmedOctets) throws IOException {
        Files.createDirectories(folder);
        Properties properties = new Properties();
        properties.setProperty("date", file.date());
        properties.setProperty("time", file.time());
        properties.setProperty("size", Long.toString(file.size()));
        properties.setProperty("modified", Long.toString(modifiedMillis));
        properties.setProperty("confirmed", Long.toString(confirmedOctets));
        Path temporary = folder.resolve("." + file.datasetName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "OFTP2 restart state of " + file.datasetName());
        }
        Files.move(temporary, folder.resolve(file.datasetName()), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    void clear(String datasetName) throws IOException {
        Files.deleteIfExists(folder.resolve(datasetName));
    }

    /** A saved identity and confirmed position. */
    record Saved(String date, String time, long size, long modifiedMillis, long confirmedOctets) {

        static Saved of(Properties properties) {
            String date = properties.getProperty("date");
            String time = properties.getProperty("time");
            try {
                long size = Long.parseLong(properties.getProperty("size", ""));
                long modified = Long.parseLong(properties.getProperty("modified", ""));
                long confirmed = Long.parseLong(properties.getProperty("confirmed", ""));
                return date == null || time == null ? null : new Saved(date, time, size, modified, confirmed);
            } catch (NumberFormatException e) {
                // A damaged state file only costs a full resend.
                return null;
            }
        }
    }
}
