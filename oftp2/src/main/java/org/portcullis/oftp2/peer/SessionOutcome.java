package org.portcullis.oftp2.peer;

/** How a session ended (RFC 5024 §5.3.11 ESID, §4.7 errors). */
public enum SessionOutcome {
    /** ESID 00 was exchanged: every file and receipt went as planned. */
    NORMAL_END,
    /** The partner ended the session with an ESID reason other than 00. */
    REFUSED_BY_PARTNER,
    /** This peer ended the session with an ESID reason other than 00: a violation, a refusal or a time out. */
    ENDED_BY_THIS_PEER,
    /** The connection failed or closed without ESID: I/O, TLS or connect failure. */
    CONNECTION_FAILED
}
