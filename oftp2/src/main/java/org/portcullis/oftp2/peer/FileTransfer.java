package org.portcullis.oftp2.peer;

/**
 * What happened to one virtual file in a session (RFC 5024 §4.3: SFID to EFPA, then EERP).
 *
 * @param datasetName   SFIDDSN, also the file's name in its folder
 * @param direction     whether this peer sent or received it
 * @param octets        octets of the file carried in this session (less than its size after a restart)
 * @param restartOffset the octet the transfer resumed from (SFPAACNT × 1024), 0 for a fresh start
 * @param complete      true when the Listener accepted the file with EFPA
 * @param delivered     true when the end-to-end receipt was exchanged (EERP answered by RTR)
 * @param refusal       the SFNA/EFNA reason in words when the Listener refused, otherwise {@code null}
 */
public record FileTransfer(String datasetName, Direction direction, long octets, long restartOffset,
        boolean complete, boolean delivered, String refusal) {

    /** Which way the file went. */
    public enum Direction {
        SENT, RECEIVED
    }

    FileTransfer withDelivered() {
        return new FileTransfer(datasetName, direction, octets, restartOffset, complete, true, refusal);
    }
}
