package org.portcullis.oftp2.session;

/** The two ends of an OFTP session: the Initiator opened the connection (RFC 5024 §4.2.1). */
public enum Party {
    INITIATOR, RESPONDER;

    /** The party at the other end. */
    public Party other() {
        return this == INITIATOR ? RESPONDER : INITIATOR;
    }
}
