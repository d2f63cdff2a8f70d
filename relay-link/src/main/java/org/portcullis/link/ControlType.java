package org.portcullis.link;

/** What a control message on the link carries. */
public enum ControlType {
    /** relay-client → relay-server: the configuration document (JSON). */
    CONFIG,
    /** relay-server → relay-client: whether the configuration was applied (JSON). */
    CONFIG_RESULT,
    /** relay-server → relay-client: CRL distribution points seen in partner certificates. */
    CRL_URLS,
    /** either way: an event (JSON or text). */
    EVENT
}
