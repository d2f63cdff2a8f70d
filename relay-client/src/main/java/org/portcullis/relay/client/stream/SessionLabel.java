package org.portcullis.relay.client.stream;

import org.portcullis.link.StreamOpen;

/** The label that starts a session's log lines: its id, then the partner's Odette ID once known. */
public final class SessionLabel {
    private SessionLabel() {
    }

    /** {@code "3f2a9c"} or {@code "3f2a9c O0013000000PARTNER"}. */
    public static String of(StreamOpen open) {
        return open.odetteId() == null ? open.sessionId() : open.sessionId() + " " + open.odetteId();
    }
}
