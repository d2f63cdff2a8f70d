package org.portcullis.relay.client.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portcullis.link.StreamKind;
import org.portcullis.relay.client.RecordingLinkStream;

class StreamRelayHandlerTest {
    private final RecordingLinkStream stream = new RecordingLinkStream(StreamKind.OUTGOING);
    private final ReadCounter reads = new ReadCounter();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    private void relay() {
        channel.config().setAutoRead(false);
        channel.pipeline().addLast("reads", reads).addLast("relay", new StreamRelayHandler(stream, "s-test"))
                .addLast("errors", new StreamErrorHandler("s-test", stream));
    }

    @Test
    void becomesTheStreamsListenerAndAsksForTheFirstOctets() {
        relay();
        assertSame(channel.pipeline().get(StreamRelayHandler.class), stream.listener());
        assertEquals(1, reads.count);
    }

    @Test
    void writesWhatTheSocketReadsToTheStreamAndReadsOnWhileWritable() {
        relay();
        channel.writeInbound(ascii("first"));
        channel.writeInbound(ascii("second"));
        assertArrayEquals("firstsecond".getBytes(StandardCharsets.US_ASCII), stream.written());
        assertEquals(3, reads.count);
    }

    @Test
    void stopsReadingWhileTheStreamIsNotWritableAndResumesWhenItIs() {
        relay();
        stream.writable(false);
        channel.writeInbound(ascii("queued"));
        assertEquals(1, reads.count, "no read while the stream's queue is full");
        stream.writable(true);
        channel.runPendingTasks();
        assertEquals(2, reads.count);
    }

    @Test
    void returnsCreditOnlyOnceTheInsideSocketTookTheData() {
        relay();
        stream.listener().onData(stream, ascii("partner octets"));
        channel.runPendingTasks();
        ByteBuf written = channel.readOutbound();
        try {
            assertEquals("partner octets", written.toString(StandardCharsets.US_ASCII));
        } finally {
            written.release();
        }
        assertEquals("partner octets".length(), stream.consumed());
    }

    @Test
    void returnsNoCreditAndResetsWhenTheWriteFails() {
        relay();
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                ((ByteBuf) msg).release();
                promise.setFailure(new IOException("broken pipe"));
            }
        });
        stream.listener().onData(stream, ascii("lost"));
        channel.runPendingTasks();
        assertEquals(0, stream.consumed());
        assertTrue(stream.reset.isDone());
    }

    @Test
    void closesTheSocketAfterWhatTheStreamDeliveredWhenTheStreamEnds() {
        relay();
        stream.listener().onData(stream, ascii("last words"));
        stream.listener().onClosed(stream, false, "FIN");
        channel.runPendingTasks();
        ByteBuf written = channel.readOutbound();
        try {
            assertEquals("last words", written.toString(StandardCharsets.US_ASCII));
        } finally {
            written.release();
        }
        assertFalse(channel.isOpen());
    }

    @Test
    void closesTheStreamWhenTheSocketCloses() {
        relay();
        channel.close();
        assertTrue(stream.closed.isDone());
        assertFalse(stream.reset.isDone());
    }

    @Test
    void resetsTheStreamOnASocketFailure() {
        relay();
        channel.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));
        assertEquals("relay-client: Connection reset by peer", stream.reset.getNow(null));
        assertFalse(channel.isOpen());
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Counts the read() requests that pass towards the socket. */
    private static final class ReadCounter extends ChannelOutboundHandlerAdapter {
        int count;

        @Override
        public void read(ChannelHandlerContext ctx) {
            count++;
            ctx.read();
        }
    }
}
