package org.portcullis.oftp2.peer;

import java.util.ArrayList;
import java.util.List;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.command.Esid;

/** Collects what happens in one session (RFC 5024 §4) until it becomes a {@link SessionResult}. */
final class SessionRecord {
    private final String sessionId;
    private final List<FileTransfer> files = new ArrayList<>();
    private String partnerId;
    private Esid esidSent;
    private Esid esidReceived;
    private String failure;

    SessionRecord(String sessionId) {
        this.sessionId = sessionId;
    }

    void partnerId(String value) {
        partnerId = value;
    }

    void add(FileTransfer transfer) {
        files.add(transfer);
    }

    /** Marks the latest transfer of the named file in that direction as delivered (EERP and RTR done). */
    boolean delivered(String datasetName, FileTransfer.Direction direction) {
        for (int i = files.size() - 1; i >= 0; i--) {
            FileTransfer file = files.get(i);
            if (file.direction() == direction && file.datasetName().equals(datasetName) && file.complete()) {
                files.set(i, file.withDelivered());
                return true;
            }
        }
        return false;
    }

    void esidSent(Esid esid) {
        esidSent = esid;
    }

    void esidReceived(Esid esid) {
        esidReceived = esid;
    }

    /** The first failure wins: later ones are usually its consequences. */
    void failure(String description) {
        if (failure == null) {
            failure = description;
        }
    }

    boolean hasFailure() {
        return failure != null;
    }

    SessionResult toResult() {
        return new SessionResult(sessionId, partnerId, files, esidSent, esidReceived, outcome(), failure);
    }

    private SessionOutcome outcome() {
        if (esidReceived != null) {
            return esidReceived.reason() == EsidReason.NORMAL_TERMINATION
                    ? SessionOutcome.NORMAL_END : SessionOutcome.REFUSED_BY_PARTNER;
        }
        if (esidSent != null) {
            return esidSent.reason() == EsidReason.NORMAL_TERMINATION
                    ? SessionOutcome.NORMAL_END : SessionOutcome.ENDED_BY_THIS_PEER;
        }
        return SessionOutcome.CONNECTION_FAILED;
    }
}
