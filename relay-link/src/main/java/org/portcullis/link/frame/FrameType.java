package org.portcullis.link.frame;

/** The link frame types: yamux's four plus CONTROL (see docs/link-protocol.md). */
public enum FrameType {
    /** Stream octets; with SYN the stream-open metadata, with RST the reason. */
    DATA(0),
    /** Adds credit to a stream's send window; with ACK it accepts a stream and carries the initial window. */
    WINDOW_UPDATE(1),
    /** Heartbeat: SYN asks, ACK answers with the same opaque value. */
    PING(2),
    /** The sender opens no more streams and is about to close the link. */
    GO_AWAY(3),
    /** A control message: one octet of control type, then the body. */
    CONTROL(4);

    private static final FrameType[] BY_CODE = values();

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether the frame's length field counts the payload octets that follow the header. */
    public boolean hasPayload() {
        return this == DATA || this == CONTROL;
    }

    /** Whether the frame belongs to a stream (stream id ≠ 0) rather than to the link (stream id 0). */
    public boolean onStream() {
        return this == DATA || this == WINDOW_UPDATE;
    }

    /** The type with this code, or null when unknown. */
    public static FrameType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
