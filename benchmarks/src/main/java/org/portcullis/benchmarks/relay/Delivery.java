package org.portcullis.benchmarks.relay;

import org.portcullis.oftp2.peer.FileTransfer;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;

/**
 * Whether a reference peer session handed its file over (RFC 5024 §4.3: EFPA after EFID). The end-to-end
 * receipt is not waited for: the inside daemon sends every EERP it owes the partner in whichever of the
 * partner's sessions takes the turn first, so with concurrent sessions it often arrives in another one.
 */
final class Delivery {

    private Delivery() {
    }

    /** {@code null} when the session ended normally with the file accepted, else what went wrong. */
    static String problem(SessionResult result, String datasetName) {
        FileTransfer file = result.file(datasetName, FileTransfer.Direction.SENT);
        if (result.outcome() != SessionOutcome.NORMAL_END) {
            return datasetName + ": session " + result.outcome()
                    + (result.failure() != null ? " (" + result.failure() + ")" : "")
                    + (result.esidReceived() != null ? " " + result.esidReceived() : "");
        }
        if (file == null || !file.complete()) {
            return datasetName + ": not accepted" + (file != null && file.refusal() != null ? ", " + file.refusal() : "");
        }
        return null;
    }
}
