package org.portcullis.oftp2.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.CommandParser;

/**
 * Turns each exchange buffer into the command it holds (RFC 5024 §5.3). A fault is passed on as an
 * {@link OftpProtocolException}; later exchange buffers are then released unread, because the session
 * is over.
 */
public final class OftpCommandDecoder extends MessageToMessageDecoder<ByteBuf> {
    private final CommandParser parser;
    private boolean failed;

    public OftpCommandDecoder(CommandParser parser) {
        super(ByteBuf.class);
        this.parser = parser;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf exchangeBuffer, List<Object> out) {
        // MessageToMessageDecoder releases exchangeBuffer after this returns; a Data keeps its own slice.
        if (failed) {
            return;
        }
        try {
            out.add(parser.parse(exchangeBuffer));
        } catch (OftpProtocolException fault) {
            failed = true;
            // Fired unwrapped (throwing would wrap it in a DecoderException) so the error handler
            // finds the ESID reason directly.
            ctx.fireExceptionCaught(fault);
        }
    }
}
