package org.portcullis.oftp2.session;

/** Where a session stands, from start-up to end (RFC 5024 §4.2 to §4.6). */
public enum SessionPhase {
    /** The Responder has not yet sent SSRM. */
    AWAITING_SSRM,
    /** SSRM seen; the Initiator's SSID is due. */
    AWAITING_INITIATOR_SSID,
    /** The Initiator's SSID seen; the Responder's SSID (or ESID) is due. */
    AWAITING_RESPONDER_SSID,
    /** Both SSIDs asked for secure authentication: SECD, AUCH and AURP in both directions (RFC 5024 §4.2.1). */
    AUTHENTICATION,
    /** Start-up is complete: the Speaker sends files, responses and CD (RFC 5024 §4.3 to §4.5). */
    FILE_TRANSFER,
    /** ESID was seen, or a violation ended the session. */
    ENDED
}
