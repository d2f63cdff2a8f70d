package org.portcullis.oftp2.peer.cli;

import org.portcullis.oftp2.peer.SessionResult;

/** The exit status of {@code oftp2-peer}, one per way an OFTP session can end (RFC 5024 §5.3.11). */
final class ExitCodes {
    /** The session ended with ESID 00. */
    static final int NORMAL_END = 0;
    /** An unexpected failure of this program. */
    static final int SOFTWARE = 1;
    /** Bad command line (picocli's usage code). */
    static final int USAGE = 2;
    /** The partner ended the session with an ESID other than 00. */
    static final int REFUSED_BY_PARTNER = 3;
    /** This peer ended the session: the partner broke the protocol, was refused or fell silent. */
    static final int PROTOCOL_ERROR = 4;
    /** The connection failed: I/O, TLS or connect. */
    static final int CONNECTION_FAILED = 5;

    private ExitCodes() {
    }

    static int of(SessionResult result) {
        return switch (result.outcome()) {
            case NORMAL_END -> NORMAL_END;
            case REFUSED_BY_PARTNER -> REFUSED_BY_PARTNER;
            case ENDED_BY_THIS_PEER -> PROTOCOL_ERROR;
            case CONNECTION_FAILED -> CONNECTION_FAILED;
        };
    }
}
