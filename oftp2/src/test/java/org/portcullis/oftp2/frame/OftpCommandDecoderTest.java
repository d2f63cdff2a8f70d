package org.portcullis.oftp2.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.portcullis.oftp2.frame.FrameBytes.ascii;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Cdt;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.ParseMode;

/** The command decoder on its own: what it passes on, releases and asks for, as a MessageToMessageDecoder. */
class OftpCommandDecoderTest {
    private final ReadCounter reads = new ReadCounter();
    private EmbeddedChannel channel;

    @BeforeEach
    void openChannel() {
        channel = new EmbeddedChannel(reads, new OftpCommandDecoder(new CommandParser(ParseMode.STRICT)));
        channel.config().setAutoRead(false);
        // Registration asked for the first read.
        reads.count = 0;
    }

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    @Test
    void passesOnTheCommandAndLeavesTheNextReadToWhoeverTakesIt() {
        ByteBuf exchangeBuffer = Unpooled.wrappedBuffer(ascii("C  "));

        channel.writeInbound(exchangeBuffer);

        assertEquals(Cdt.INSTANCE, channel.readInbound());
        assertEquals(0, exchangeBuffer.refCnt());
        assertEquals(0, reads.count);
    }

    @Test
    void releasesBuffersAfterAFaultUnreadAndAsksForMoreWithoutAutoRead() {
        assertThrows(OftpProtocolException.class, () -> channel.writeInbound(Unpooled.wrappedBuffer(ascii("Z"))));
        reads.count = 0;
        ByteBuf next = Unpooled.wrappedBuffer(ascii("C  "));

        channel.writeInbound(next);

        assertNull(channel.readInbound());
        assertEquals(0, next.refCnt());
        assertEquals(1, reads.count);
    }

    @Test
    void passesOtherMessagesOn() {
        channel.writeInbound("not an exchange buffer");

        assertEquals("not an exchange buffer", channel.readInbound());
        assertEquals(0, reads.count);
    }

    /** Counts the reads the handlers after it ask for. */
    private static final class ReadCounter extends ChannelOutboundHandlerAdapter {
        int count;

        @Override
        public void read(ChannelHandlerContext ctx) {
            count++;
            ctx.read();
        }
    }
}
