package org.portcullis.oftp2.peer;

import java.util.List;
import org.portcullis.oftp2.command.Esid;

/**
 * The outcome of one OFTP session as the reference peer saw it (RFC 5024 §4).
 *
 * @param sessionId    the short id that starts this session's log lines
 * @param partnerId    the partner's SSIDCODE, or {@code null} when the start phase did not get that far
 * @param files        each file sent or received, in the order the transfers started
 * @param esidSent     the ESID this peer sent, or {@code null}
 * @param esidReceived the ESID the partner sent, or {@code null}
 * @param outcome      the verdict
 * @param failure      what went wrong in words when the connection failed, otherwise {@code null}
 */
public record SessionResult(String sessionId, String partnerId, List<FileTransfer> files, Esid esidSent,
        Esid esidReceived, SessionOutcome outcome, String failure) {

    public SessionResult {
        files = List.copyOf(files);
    }

    /** The files that went in one direction. */
    public List<FileTransfer> files(FileTransfer.Direction direction) {
        return files.stream().filter(file -> file.direction() == direction).toList();
    }

    /** The transfer of the named file in one direction, or {@code null}. */
    public FileTransfer file(String datasetName, FileTransfer.Direction direction) {
        return files.stream()
                .filter(file -> file.direction() == direction && file.datasetName().equals(datasetName))
                .reduce((first, last) -> last).orElse(null);
    }
}
