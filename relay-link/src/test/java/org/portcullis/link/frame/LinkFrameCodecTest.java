package org.portcullis.link.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portcullis.link.LinkException;

class LinkFrameCodecTest {
    private final EmbeddedChannel encoder = new EmbeddedChannel(new LinkFrameEncoder());
    private final EmbeddedChannel decoder = new EmbeddedChannel(new LinkFrameDecoder());

    @AfterEach
    void closeChannels() {
        encoder.finishAndReleaseAll();
        decoder.finishAndReleaseAll();
    }

    private ByteBuf encode(LinkFrame... frames) {
        for (LinkFrame frame : frames) {
            assertTrue(encoder.writeOutbound(frame));
        }
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf part; (part = encoder.readOutbound()) != null; ) {
            all.writeBytes(part);
            part.release();
        }
        return all;
    }

    private static ByteBuf header(int version, int type, int flags, int streamId, long length) {
        return Unpooled.buffer().writeByte(version).writeByte(type).writeShort(flags).writeInt(streamId)
                .writeInt((int) length);
    }

    @Test
    void writesTheTwelveOctetHeaderThenThePayload() {
        ByteBuf wire = encode(LinkFrame.data(7, LinkFrame.FIN, Unpooled.copiedBuffer("abc", StandardCharsets.US_ASCII)));
        assertEquals("00" + "00" + "0004" + "00000007" + "00000003" + "616263", ByteBufUtil.hexDump(wire));
        wire.release();
    }

    @Test
    void roundTripsEveryFrameType() {
        ByteBuf wire = encode(
                LinkFrame.data(1, LinkFrame.SYN, Unpooled.wrappedBuffer(new byte[] {1, 2})),
                LinkFrame.windowUpdate(2, LinkFrame.ACK, 262_144),
                LinkFrame.ping(LinkFrame.SYN, 0xFFFF_FFFE),
                LinkFrame.goAway(1),
                LinkFrame.control(Unpooled.wrappedBuffer(new byte[] {4, 'x'})));
        decoder.writeInbound(wire);
        LinkFrame data = decoder.readInbound();
        assertEquals(FrameType.DATA, data.type());
        assertTrue(data.has(LinkFrame.SYN));
        assertEquals(1, data.streamId());
        assertEquals(2, data.content().readableBytes());
        data.release();
        LinkFrame update = decoder.readInbound();
        assertEquals(FrameType.WINDOW_UPDATE, update.type());
        assertEquals(262_144, update.length());
        assertTrue(update.has(LinkFrame.ACK));
        update.release();
        LinkFrame ping = decoder.readInbound();
        assertEquals(0xFFFF_FFFE, ping.length());
        ping.release();
        LinkFrame goAway = decoder.readInbound();
        assertEquals(FrameType.GO_AWAY, goAway.type());
        assertEquals(1, goAway.length());
        goAway.release();
        LinkFrame control = decoder.readInbound();
        assertEquals(FrameType.CONTROL, control.type());
        assertEquals("0478", ByteBufUtil.hexDump(control.content()));
        control.release();
        assertNull(decoder.readInbound());
    }

    @Test
    void decodesFramesFedOneOctetAtATime() {
        ByteBuf wire = encode(LinkFrame.data(3, 0, Unpooled.wrappedBuffer(new byte[1000])), LinkFrame.goAway(0));
        List<LinkFrame> frames = new ArrayList<>();
        while (wire.isReadable()) {
            decoder.writeInbound(wire.readRetainedSlice(1));
            for (LinkFrame frame; (frame = decoder.readInbound()) != null; ) {
                frames.add(frame);
            }
        }
        wire.release();
        assertEquals(2, frames.size());
        assertEquals(1000, frames.get(0).content().readableBytes());
        assertEquals(FrameType.GO_AWAY, frames.get(1).type());
        frames.forEach(LinkFrame::release);
    }

    @Test
    void decodesCoalescedFramesInOneBuffer() {
        ByteBuf wire = Unpooled.buffer();
        for (int i = 1; i <= 50; i += 2) {
            ByteBuf one = encode(LinkFrame.data(i, 0, Unpooled.wrappedBuffer(new byte[i])));
            wire.writeBytes(one);
            one.release();
        }
        decoder.writeInbound(wire);
        for (int i = 1; i <= 50; i += 2) {
            LinkFrame frame = decoder.readInbound();
            assertEquals(i, frame.streamId());
            assertEquals(i, frame.content().readableBytes());
            frame.release();
        }
        assertNull(decoder.readInbound());
    }

    @Test
    void refusesAnOversizeDataFrameBeforeItsPayloadArrives() {
        assertRefused(header(0, 0, 0, 1, LinkFrame.MAX_DATA + 1), "length");
    }

    @Test
    void acceptsTheLargestDataFrame() {
        ByteBuf wire = header(0, 0, 0, 1, LinkFrame.MAX_DATA).writeZero(LinkFrame.MAX_DATA);
        decoder.writeInbound(wire);
        LinkFrame frame = decoder.readInbound();
        assertEquals(LinkFrame.MAX_DATA, frame.content().readableBytes());
        frame.release();
    }

    @Test
    void refusesAnOversizeControlFrame() {
        assertRefused(header(0, 4, 0, 0, LinkFrame.MAX_CONTROL + 1L), "length");
        assertFalse(decoder.isActive() && decoder.inboundMessages().size() > 0);
    }

    @Test
    void refusesAnEmptyControlFrame() {
        assertRefused(header(0, 4, 0, 0, 0), "length");
    }

    @Test
    void refusesAnUnknownType() {
        assertRefused(header(0, 9, 0, 0, 0), "unknown type 9");
    }

    @Test
    void refusesABadVersion() {
        assertRefused(header(1, 0, 0, 1, 0), "version 1");
    }

    @Test
    void refusesUnknownFlags() {
        assertRefused(header(0, 1, 0x20, 1, 0), "flags");
    }

    @Test
    void refusesDataOnStreamZeroAndPingOnAStream() {
        assertRefused(header(0, 0, 0, 0, 0), "stream id 0");
        EmbeddedChannel second = new EmbeddedChannel(new LinkFrameDecoder());
        DecoderException e = assertThrows(DecoderException.class, () -> second.writeInbound(header(0, 2, 1, 5, 0)));
        assertInstanceOf(LinkException.class, e.getCause());
        second.finishAndReleaseAll();
    }

    @Test
    void refusesAWindowUpdateBeyondTwoToTheThirtyFirst() {
        assertRefused(header(0, 1, 0, 1, 0x8000_0000L), "length");
    }

    @Test
    void discardsEverythingAfterAViolation() {
        assertRefused(header(7, 0, 0, 1, 0), "version");
        ByteBuf good = encode(LinkFrame.goAway(0));
        decoder.writeInbound(good);
        assertNull(decoder.readInbound());
    }

    private void assertRefused(ByteBuf wire, String expected) {
        DecoderException e = assertThrows(DecoderException.class, () -> decoder.writeInbound(wire));
        assertInstanceOf(LinkException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains(expected), e.getCause().getMessage());
        assertNull(decoder.readInbound());
    }
}
