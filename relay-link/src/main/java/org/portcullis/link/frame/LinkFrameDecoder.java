package org.portcullis.link.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.portcullis.link.LinkException;

/**
 * Reads link frames, checking version, type, flags, stream id and the maximum length of each type before a payload
 * is buffered. A violation is a {@link LinkException}, after which the rest of the input is discarded (the link is
 * then closed by {@code errors}).
 */
public final class LinkFrameDecoder extends ByteToMessageDecoder {
    private boolean failed;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.readableBytes() >= LinkFrame.HEADER_LENGTH) {
            int start = in.readerIndex();
            FrameType type;
            try {
                type = checkHeader(in, start);
            } catch (LinkException e) {
                failed = true;
                in.skipBytes(in.readableBytes());
                throw e;
            }
            int length = in.getInt(start + 8);
            int payloadLength = type.hasPayload() ? length : 0;
            if (in.readableBytes() < LinkFrame.HEADER_LENGTH + payloadLength) {
                return;
            }
            int flags = in.getUnsignedShort(start + 2);
            int streamId = in.getInt(start + 4);
            in.skipBytes(LinkFrame.HEADER_LENGTH);
            ByteBuf payload = payloadLength == 0 ? Unpooled.EMPTY_BUFFER : in.readRetainedSlice(payloadLength);
            out.add(LinkFrame.of(type, flags, streamId, length, payload));
        }
    }

    private static FrameType checkHeader(ByteBuf in, int start) {
        int version = in.getUnsignedByte(start);
        if (version != LinkFrame.VERSION) {
            throw new LinkException("link frame: unsupported version " + version);
        }
        int code = in.getUnsignedByte(start + 1);
        FrameType type = FrameType.of(code);
        if (type == null) {
            throw new LinkException("link frame: unknown type " + code);
        }
        int flags = in.getUnsignedShort(start + 2);
        if ((flags & ~LinkFrame.FLAGS) != 0) {
            throw new LinkException("link frame: unknown flags 0x" + Integer.toHexString(flags) + " on " + type);
        }
        int streamId = in.getInt(start + 4);
        if (type.onStream() ? streamId <= 0 : streamId != 0) {
            throw new LinkException("link frame: stream id " + Integer.toUnsignedString(streamId) + " on " + type);
        }
        long length = in.getUnsignedInt(start + 8);
        long max = switch (type) {
            case DATA -> LinkFrame.MAX_DATA;
            case CONTROL -> LinkFrame.MAX_CONTROL;
            case WINDOW_UPDATE -> Integer.MAX_VALUE;
            case PING, GO_AWAY -> 0xFFFF_FFFFL;
        };
        if (length > max || type == FrameType.CONTROL && length == 0) {
            throw new LinkException("link frame: " + type + " length " + length + " outside 0.." + max);
        }
        return type;
    }
}
