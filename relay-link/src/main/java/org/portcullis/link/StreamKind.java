package org.portcullis.link;

/** Which way the OFTP2 session a link stream carries was opened. */
public enum StreamKind {
    /** A partner's session that relay-server carries to the inside daemon. */
    INCOMING,
    /** An inside daemon's session that relay-client carries out through a route. */
    OUTGOING
}
