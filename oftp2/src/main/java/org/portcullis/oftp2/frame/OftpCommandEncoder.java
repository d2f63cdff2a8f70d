package org.portcullis.oftp2.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;
import org.portcullis.oftp2.command.CommandCode;
import org.portcullis.oftp2.command.Data;
import org.portcullis.oftp2.command.OftpCommand;

/**
 * Writes each command as one Stream Transmission Buffer: header and exchange buffer (RFC 5024 §5.3,
 * §8.2). The subrecords of a DATA are not copied: a small buffer with the header and {@code D} is
 * joined with the retained subrecords. Every command written is released by this encoder.
 */
public final class OftpCommandEncoder extends MessageToMessageEncoder<OftpCommand> {

    public OftpCommandEncoder() {
        super(OftpCommand.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, OftpCommand command, List<Object> out) {
        // MessageToMessageEncoder releases a Data after this returns; the frame holds its own reference.
        out.add(command instanceof Data data ? encodeData(ctx, data) : encodeCommand(ctx, command));
    }

    private static ByteBuf encodeCommand(ChannelHandlerContext ctx, OftpCommand command) {
        ByteBuf frame = ctx.alloc().buffer();
        try {
            int headerIndex = frame.writerIndex();
            frame.writeZero(StbHeader.LENGTH);
            command.writeTo(frame);
            StbHeader.set(frame, headerIndex, frame.writerIndex() - headerIndex - StbHeader.LENGTH);
            return frame;
        } catch (RuntimeException e) {
            frame.release();
            throw e;
        }
    }

    private static ByteBuf encodeData(ChannelHandlerContext ctx, Data data) {
        ByteBuf subrecords = data.content();
        ByteBuf head = ctx.alloc().buffer(StbHeader.LENGTH + 1);
        try {
            StbHeader.write(head, 1 + subrecords.readableBytes());
            head.writeByte(CommandCode.DATA.octet());
        } catch (RuntimeException e) {
            head.release();
            throw e;
        }
        CompositeByteBuf frame = ctx.alloc().compositeBuffer(2);
        frame.addComponents(true, head, subrecords.retainedDuplicate());
        return frame;
    }
}
