package org.portcullis.oftp2.peer;

import java.nio.file.Path;

/**
 * A file of the send folder as it will be announced in SFID (RFC 5024 §5.3.3): its identity (dataset
 * name, date, time) and the restart position in 1K blocks, which is 0 unless an earlier session was cut.
 */
record OutgoingFile(Path path, String datasetName, String date, String time, long size, long restartBlocks) {

    /** SFIDFSIZ: the size in 1K blocks, rounded up. */
    long sizeBlocks() {
        return (size + 1023) / 1024;
    }
}
