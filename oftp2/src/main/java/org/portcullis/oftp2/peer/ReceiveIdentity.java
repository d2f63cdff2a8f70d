package org.portcullis.oftp2.peer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.portcullis.oftp2.command.Sfid;

/**
 * The identity of a virtual file (RFC 5024 §5.3.3: dataset name, date, time, originator), kept beside a
 * partial file so that a restarted SFID is matched to the octets already received.
 */
record ReceiveIdentity(String datasetName, String date, String time, String originator) {

    static ReceiveIdentity of(Sfid sfid) {
        return new ReceiveIdentity(sfid.datasetName().trim(), sfid.date(), sfid.time(), sfid.originator().trim());
    }

    /** The identity saved in {@code sidecar}, or {@code null} when there is none. */
    static ReceiveIdentity read(Path sidecar) throws IOException {
        if (!Files.isRegularFile(sidecar)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(sidecar, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new ReceiveIdentity(properties.getProperty("datasetName"), properties.getProperty("date"),
                properties.getProperty("time"), properties.getProperty("originator"));
    }

    void write(Path sidecar) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("datasetName", datasetName);
        properties.setProperty("date", date);
        properties.setProperty("time", time);
        properties.setProperty("originator", originator);
        try (Writer writer = Files.newBufferedWriter(sidecar, StandardCharsets.UTF_8)) {
            properties.store(writer, "identity of a partially received OFTP2 file");
        }
    }
}
