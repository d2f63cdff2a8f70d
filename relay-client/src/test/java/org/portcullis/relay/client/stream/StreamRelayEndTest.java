package org.portcullis.relay.client.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portcullis.link.StreamKind;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.relay.client.OftpFrames;
import org.portcullis.relay.client.RecordingLinkStream;

/** Ending a relayed session early closes the stream down (relay-server then gives the partner ESID 05). */
class StreamRelayEndTest {
    private static final byte[] SSID = OftpFrames.frame(Ssid.builder().odetteId("O0013000000INSIDE")
            .password("SECRET2").build());

    private final RecordingLinkStream stream = new RecordingLinkStream(StreamKind.INCOMING);
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private StreamRelayHandler relay;

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    private void relay() {
        channel.config().setAutoRead(false);
        relay = new StreamRelayHandler(stream, "s-end");
        channel.pipeline().addLast("relay", relay).addLast("errors", new StreamErrorHandler("s-end", stream));
    }

    @Test
    void atAFrameBoundaryTheStreamIsClosedDownAndTheInsideConnectionCloses() {
        relay();
        channel.writeInbound(Unpooled.wrappedBuffer(SSID));

        relay.end("relay-client is shutting down");

        assertEquals("relay-client: relay-client is shutting down", stream.closedDown.getNow(null));
        assertArrayEquals(SSID, stream.written(), "no frame of relay-client's own");
        assertFalse(stream.reset.isDone());
        assertFalse(channel.isOpen());
    }

    @Test
    void midFrameTheStreamIsClosedDownAlike() {
        relay();
        channel.writeInbound(Unpooled.wrappedBuffer(SSID, 0, 10));

        relay.end("relay-client is shutting down");

        assertEquals("relay-client: relay-client is shutting down", stream.closedDown.getNow(null));
        assertEquals(10, stream.written().length, "no frame of relay-client's own");
        assertFalse(channel.isOpen());
    }

    @Test
    void whatTheInsideSendsAfterTheEndIsDropped() {
        relay();
        relay.end("kill-session");
        int before = stream.written().length;
        // A read in flight when the connection closed.
        ByteBuf late = Unpooled.wrappedBuffer(SSID);
        relay.channelRead(channel.pipeline().context("relay"), late);
        assertEquals(before, stream.written().length);
        assertEquals(0, late.refCnt(), "released");
    }
}
