package org.portcullis.link.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** Writes link frames: the 12-octet header, then the payload as it is (no copy). */
public final class LinkFrameEncoder extends MessageToMessageEncoder<LinkFrame> {

    public LinkFrameEncoder() {
        super(LinkFrame.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, LinkFrame frame, List<Object> out) {
        ByteBuf header = ctx.alloc().buffer(LinkFrame.HEADER_LENGTH);
        header.writeByte(LinkFrame.VERSION)
                .writeByte(frame.type().code())
                .writeShort(frame.flags())
                .writeInt(frame.streamId())
                .writeInt(frame.length());
        out.add(header);
        if (frame.type().hasPayload() && frame.content().isReadable()) {
            // The encoder releases the frame after encode; the payload goes on with its own reference.
            out.add(frame.content().retain());
        }
    }
}
