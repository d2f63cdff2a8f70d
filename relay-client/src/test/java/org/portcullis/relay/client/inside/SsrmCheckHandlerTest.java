package org.portcullis.relay.client.inside;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portcullis.link.StreamKind;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Ssrm;
import org.portcullis.relay.client.RecordingLinkStream;
import org.portcullis.relay.client.stream.StreamRelayHandler;

class SsrmCheckHandlerTest {
    private static final Duration SSRM_TIMEOUT = Duration.ofSeconds(3);
    private static final byte[] SSID_FRAME =
            frame("X5O0013000000INSIDE            PASSWORD099999BYNN064N    USERDATA\r");

    private final RecordingLinkStream stream = new RecordingLinkStream(StreamKind.INCOMING);
    private final EmbeddedChannel channel = new EmbeddedChannel(new InsideInitializer(stream, "s-test", SSRM_TIMEOUT));

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void swallowsTheSsrmAndRelaysWhatFollows() {
        ByteBuf both = Unpooled.buffer();
        both.writeBytes(ssrmFrame()).writeBytes(SSID_FRAME);
        channel.writeInbound(both);

        assertArrayEquals(SSID_FRAME, stream.written(), "only the octets after the SSRM reach the stream");
        assertNotNull(stream.listener(), "the relay listens to the stream");
        assertNotNull(channel.pipeline().get(StreamRelayHandler.class));
        assertNull(channel.pipeline().get(InsideInitializer.STB_FRAME));
        assertNull(channel.pipeline().get(InsideInitializer.SSRM_CHECK));
        assertFalse(stream.reset.isDone());
    }

    @Test
    void acceptsAnSsrmInFragments() {
        byte[] ssrm = ssrmFrame();
        channel.writeInbound(Unpooled.wrappedBuffer(ssrm, 0, 3));
        assertNull(stream.listener());
        channel.writeInbound(Unpooled.wrappedBuffer(ssrm, 3, ssrm.length - 3));
        assertNotNull(stream.listener());
        assertEquals(0, stream.written().length);

        channel.writeInbound(Unpooled.wrappedBuffer(SSID_FRAME));
        assertArrayEquals(SSID_FRAME, stream.written());
    }

    @Test
    void resetsTheStreamWhenTheDaemonSendsGarbage() {
        channel.writeInbound(Unpooled.copiedBuffer("HELLO WORLD", StandardCharsets.US_ASCII));

        assertTrue(stream.reset.getNow("").contains("Stream Transmission Header"), stream.reset::join);
        assertFalse(channel.isOpen());
        assertEquals(0, stream.written().length);
    }

    @Test
    void resetsTheStreamWhenTheFirstCommandIsNotSsrm() {
        channel.writeInbound(Unpooled.wrappedBuffer(frame("C  ")));

        assertTrue(stream.reset.getNow("").contains("instead of SSRM"), stream.reset::join);
        assertFalse(channel.isOpen());
    }

    @Test
    void refusesAFirstFrameLongerThanAnSsrmFromItsHeader() {
        channel.writeInbound(Unpooled.wrappedBuffer(SSID_FRAME, 0, 4));

        assertTrue(stream.reset.getNow("").contains("frame length"), stream.reset::join);
        assertFalse(channel.isOpen());
    }

    @Test
    void resetsTheStreamWhenNoSsrmArrivesInTime() {
        channel.advanceTimeBy(SSRM_TIMEOUT.toMillis() + 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertTrue(stream.reset.getNow("").contains("no SSRM within"), stream.reset::join);
        assertFalse(channel.isOpen());
    }

    @Test
    void resetsTheStreamWhenTheDaemonClosesBeforeItsSsrm() {
        channel.close();

        assertTrue(stream.reset.getNow("").contains("closed the connection before its SSRM"), stream.reset::join);
    }

    static byte[] ssrmFrame() {
        return frame(Ssrm.INSTANCE);
    }

    static byte[] frame(OftpCommand command) {
        ByteBuf body = Unpooled.buffer();
        command.writeTo(body);
        try {
            return frame(ByteBufUtil.getBytes(body));
        } finally {
            body.release();
        }
    }

    static byte[] frame(String exchangeBuffer) {
        return frame(exchangeBuffer.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] frame(byte[] exchangeBuffer) {
        int length = exchangeBuffer.length + 4;
        byte[] framed = new byte[length];
        framed[0] = 0x10;
        framed[1] = (byte) (length >>> 16);
        framed[2] = (byte) (length >>> 8);
        framed[3] = (byte) length;
        System.arraycopy(exchangeBuffer, 0, framed, 4, exchangeBuffer.length);
        return framed;
    }
}
