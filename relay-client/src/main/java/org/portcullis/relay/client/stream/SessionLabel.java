package org.portcullis.relay.client.stream;

import org.portcullis.daemon.control.SessionTag;
import org.portcullis.link.StreamOpen;

/** The tag that starts a session's log lines: its id, then the partner's Odette ID once known. */
public final class SessionLabel {
    private SessionLabel() {
    }

    /** {@code [3f2a9c]} or {@code [3f2a9c O0013000000PARTNER]}. */
    public static SessionTag of(StreamOpen open) {
        return new SessionTag(open.sessionId(), open.odetteId());
    }
}
