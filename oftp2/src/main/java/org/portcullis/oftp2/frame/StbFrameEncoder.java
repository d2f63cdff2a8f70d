package org.portcullis.oftp2.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Prefixes each exchange buffer with its Stream Transmission Header (RFC 5024 §8.2). The exchange
 * buffer is passed on as it is, behind a separate 4-octet header, so its octets are not copied.
 */
public final class StbFrameEncoder extends MessageToMessageEncoder<ByteBuf> {

    public StbFrameEncoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf exchangeBuffer, List<Object> out) {
        ByteBuf header = ctx.alloc().buffer(StbHeader.LENGTH);
        try {
            StbHeader.write(header, exchangeBuffer.readableBytes());
        } catch (IllegalArgumentException e) {
            header.release();
            throw e;
        }
        out.add(header);
        // The encoder releases the message after encode(); the retained reference travels on.
        out.add(exchangeBuffer.retain());
    }
}
