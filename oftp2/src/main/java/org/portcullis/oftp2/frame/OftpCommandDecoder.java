package org.portcullis.oftp2.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.OftpCommand;

/**
 * Turns each exchange buffer into the command it holds (RFC 5024 §5.3). A fault is passed on as an
 * {@link OftpProtocolException}; later exchange buffers are then released unread, because the session
 * is over. Other messages pass through.
 *
 * <p>It behaves as a {@code MessageToMessageDecoder<ByteBuf>} would, without that class's output list
 * per message: one command comes from one exchange buffer, and on a relay every DATA passes here, where
 * the list cost a tenth of the time spent per 4 KiB DATA.
 */
public final class OftpCommandDecoder extends ChannelInboundHandlerAdapter {
    private final CommandParser parser;
    private boolean failed;
    // As MessageToMessageDecoder: a read that produced nothing asks for more when auto-read is off.
    private boolean readSeen;
    private boolean messageProduced;

    public OftpCommandDecoder(CommandParser parser) {
        this.parser = parser;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        readSeen = true;
        if (!(message instanceof ByteBuf exchangeBuffer)) {
            messageProduced = true;
            ctx.fireChannelRead(message);
            return;
        }
        OftpCommand command;
        try {
            if (failed) {
                return;
            }
            command = parser.parse(exchangeBuffer);
        } catch (OftpProtocolException fault) {
            failed = true;
            // Fired unwrapped (throwing would wrap it in a DecoderException) so the error handler
            // finds the ESID reason directly.
            ctx.fireExceptionCaught(fault);
            return;
        } catch (DecoderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DecoderException(e);
        } finally {
            // A Data keeps its own slice of the exchange buffer.
            exchangeBuffer.release();
        }
        messageProduced = true;
        ctx.fireChannelRead(command);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (readSeen && !messageProduced && !ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
        readSeen = false;
        messageProduced = false;
        ctx.fireChannelReadComplete();
    }
}
