package org.portcullis.oftp2.peer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.portcullis.oftp2.command.Eerp;
import org.portcullis.oftp2.command.Sfid;

/**
 * End-to-end receipts still owed (RFC 5024 §5.3.13 EERP): one small file per received file in
 * {@code <receive folder>/.oftp2-eerp/}, written when the file is accepted and removed when the partner
 * answers the EERP with RTR, so receipts not acknowledged in one session are sent in the next. Safe
 * for concurrent sessions sharing the folder: each receipt is its own file, written atomically.
 */
final class ReceiptStore {
    private final Path folder;

    ReceiptStore(Path receiveDir) {
        this.folder = receiveDir.resolve(".oftp2-eerp");
    }

    /** Remembers the EERP owed for a file just received. */
    Eerp owe(Sfid sfid) throws IOException {
        Eerp eerp = Eerp.answering(sfid).build();
        Files.createDirectories(folder);
        Properties properties = new Properties();
        properties.setProperty("datasetName", eerp.datasetName());
        properties.setProperty("date", eerp.date());
        properties.setProperty("time", eerp.time());
        properties.setProperty("user", eerp.user());
        properties.setProperty("destination", eerp.destination());
        properties.setProperty("originator", eerp.originator());
        // Written aside and moved in, so a concurrent session listing the folder never reads half a file.
        Path temporary = Files.createTempFile(folder, ".", ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "EERP owed");
        }
        Files.move(temporary, fileOf(eerp), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return eerp;
    }

    /** The receipts owed to {@code partnerId} (the originator of the files), oldest name first. */
    List<Eerp> owedTo(String partnerId) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Eerp> owed = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> files = entries.filter(path -> !path.getFileName().toString().startsWith(".")).sorted()
                    .toList();
            for (Path file : files) {
                Eerp eerp = read(file);
                if (eerp != null && eerp.destination().equalsIgnoreCase(partnerId)) {
                    owed.add(eerp);
                }
            }
        }
        return owed;
    }

    /** The partner answered the EERP with RTR. */
    void acknowledged(Eerp eerp) throws IOException {
        Files.deleteIfExists(fileOf(eerp));
    }

    private Path fileOf(Eerp eerp) {
        return folder.resolve(eerp.datasetName() + "." + eerp.date() + "." + eerp.time());
    }

    private static Eerp read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            // Another session of the same receive folder had it acknowledged in the meantime.
            return null;
        }
        String name = properties.getProperty("datasetName");
        String destination = properties.getProperty("destination");
        if (name == null || destination == null) {
            return null;
        }
        return new Eerp(name, properties.getProperty("date", ""), properties.getProperty("time", ""),
                properties.getProperty("user", ""), destination, properties.getProperty("originator", ""),
                new byte[0], new byte[0]);
    }
}
