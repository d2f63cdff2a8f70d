package org.portcullis.oftp2.peer.cli;

import java.io.PrintWriter;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.peer.FileTransfer;
import org.portcullis.oftp2.peer.SessionResult;

/**
 * Prints what a session did: one line per file, then one line with the outcome, which names the ESID
 * reason (RFC 5024 §5.3.11) when the session did not end normally.
 */
final class SessionReport {

    private SessionReport() {
    }

    static void print(SessionResult result, PrintWriter out) {
        for (FileTransfer file : result.files()) {
            out.println(describe(file));
        }
        out.println(outcome(result));
        out.flush();
    }

    private static String describe(FileTransfer file) {
        StringBuilder line = new StringBuilder(file.direction() == FileTransfer.Direction.SENT ? "sent " : "received ")
                .append(file.datasetName()).append(": ").append(file.octets()).append(" octets");
        if (file.restartOffset() > 0) {
            line.append(" (resumed at octet ").append(file.restartOffset()).append(')');
        }
        if (!file.complete()) {
            line.append(", not complete: ").append(file.refusal());
        } else if (file.delivered()) {
            line.append(", delivered");
        } else {
            line.append(", end-to-end receipt pending");
        }
        return line.toString();
    }

    private static String outcome(SessionResult result) {
        return switch (result.outcome()) {
            case NORMAL_END -> "session " + result.sessionId() + " with " + result.partnerId() + " ended normally";
            case REFUSED_BY_PARTNER -> "refused by partner: " + esid(result.esidReceived());
            case ENDED_BY_THIS_PEER -> "session ended by this peer: " + esid(result.esidSent());
            case CONNECTION_FAILED -> "connection failed: " + result.failure();
        };
    }

    private static String esid(Esid esid) {
        String text = esid.text().isBlank() ? esid.reason().text() : esid.text();
        return String.format("ESID %02d %s", esid.reason().code(), text);
    }
}
