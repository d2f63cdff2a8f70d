package org.portcullis.link.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.buffer.Unpooled;

/**
 * One frame of the link protocol: a 12-octet header (version, type, flags, stream id, length) and, for DATA and
 * CONTROL, a payload of {@code length} octets. The frame owns its payload.
 */
public final class LinkFrame extends DefaultByteBufHolder {
    /** The only protocol version. */
    public static final int VERSION = 0;
    /** Octets in the header. */
    public static final int HEADER_LENGTH = 12;
    /** Largest DATA payload. */
    public static final int MAX_DATA = 16 * 1024;
    /** Largest CONTROL payload: the control type octet and an 8 MiB body. */
    public static final int MAX_CONTROL = 1 + 8 * 1024 * 1024;

    public static final int SYN = 0x1;
    public static final int ACK = 0x2;
    public static final int FIN = 0x4;
    public static final int RST = 0x8;
    /** With RST on DATA: the sender closes the session down on purpose (a drain's deadline, kill-session). */
    public static final int CLOSE_DOWN = 0x10;
    /** Every defined flag bit. */
    public static final int FLAGS = SYN | ACK | FIN | RST | CLOSE_DOWN;

    private final FrameType type;
    private final int flags;
    private final int streamId;
    private final int length;

    private LinkFrame(FrameType type, int flags, int streamId, int length, ByteBuf payload) {
        super(payload);
        this.type = type;
        this.flags = flags;
        this.streamId = streamId;
        this.length = length;
    }

    /** A frame as the decoder read it; {@code payload} is empty unless the type has one. */
    public static LinkFrame of(FrameType type, int flags, int streamId, int length, ByteBuf payload) {
        return new LinkFrame(type, flags, streamId, length, payload);
    }

    /** A DATA frame (SYN: stream-open metadata, RST: reason, otherwise stream octets). */
    public static LinkFrame data(int streamId, int flags, ByteBuf payload) {
        return new LinkFrame(FrameType.DATA, flags, streamId, payload.readableBytes(), payload);
    }

    public static LinkFrame windowUpdate(int streamId, int flags, int delta) {
        return new LinkFrame(FrameType.WINDOW_UPDATE, flags, streamId, delta, Unpooled.EMPTY_BUFFER);
    }

    public static LinkFrame ping(int flags, int opaque) {
        return new LinkFrame(FrameType.PING, flags, 0, opaque, Unpooled.EMPTY_BUFFER);
    }

    public static LinkFrame goAway(int code) {
        return new LinkFrame(FrameType.GO_AWAY, 0, 0, code, Unpooled.EMPTY_BUFFER);
    }

    /** A CONTROL frame; {@code payload} starts with the control type octet. */
    public static LinkFrame control(ByteBuf payload) {
        return new LinkFrame(FrameType.CONTROL, 0, 0, payload.readableBytes(), payload);
    }

    public FrameType type() {
        return type;
    }

    public int flags() {
        return flags;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public int streamId() {
        return streamId;
    }

    /** The header's length field: payload octets, window delta, ping opaque value or go-away code. */
    public int length() {
        return length;
    }

    @Override
    public LinkFrame replace(ByteBuf content) {
        return new LinkFrame(type, flags, streamId, type.hasPayload() ? content.readableBytes() : length, content);
    }

    @Override
    public LinkFrame retain() {
        super.retain();
        return this;
    }

    @Override
    public LinkFrame touch(Object hint) {
        super.touch(hint);
        return this;
    }

    @Override
    public String toString() {
        // Never the payload: it is a partner's file or a configuration.
        return type + "[stream " + streamId + ", flags 0x" + Integer.toHexString(flags) + ", length "
                + Integer.toUnsignedString(length) + "]";
    }
}
