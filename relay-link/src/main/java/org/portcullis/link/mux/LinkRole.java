package org.portcullis.link.mux;

/** Which end of the link this is; it decides the parity of the stream ids a side opens. */
public enum LinkRole {
    /** relay-client: dials, opens odd stream ids. */
    CLIENT(1),
    /** relay-server: listens, opens even stream ids. */
    SERVER(2);

    private final int firstStreamId;

    LinkRole(int firstStreamId) {
        this.firstStreamId = firstStreamId;
    }

    public int firstStreamId() {
        return firstStreamId;
    }
}
