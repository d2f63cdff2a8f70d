package org.portcullis.link.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.ControlType;
import org.portcullis.link.LinkException;
import org.portcullis.link.StreamKind;
import org.portcullis.link.StreamOpen;

class StreamOpenCodecTest {
    private static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

    @Test
    void roundTripsMetadataWithAbsentFields() {
        StreamOpen open = new StreamOpen(StreamKind.INCOMING, "s-1", "O0013000000ACME", null, "[2001:db8::7]:6619");
        ByteBuf wire = StreamOpenCodec.encode(ALLOC, 65_536, open);
        StreamSyn syn = StreamOpenCodec.decode(wire);
        wire.release();
        assertEquals(65_536, syn.window());
        assertEquals(open, syn.open());
    }

    @Test
    void roundTripsNonAsciiText() {
        StreamOpen open = new StreamOpen(StreamKind.OUTGOING, "s-ü", null, "route-é", null);
        ByteBuf wire = StreamOpenCodec.encode(ALLOC, 1, open);
        assertEquals(open, StreamOpenCodec.decode(wire).open());
        wire.release();
    }

    @Test
    void refusesTruncatedMetadata() {
        ByteBuf wire = StreamOpenCodec.encode(ALLOC, 1, new StreamOpen(StreamKind.INCOMING, "s-1", "A", "B", "C"));
        ByteBuf cut = wire.slice(0, wire.readableBytes() - 1);
        assertThrows(LinkException.class, () -> StreamOpenCodec.decode(cut));
        wire.release();
    }

    @Test
    void refusesTrailingOctets() {
        ByteBuf wire = StreamOpenCodec.encode(ALLOC, 1, new StreamOpen(StreamKind.INCOMING, "s-1", null, null, null));
        wire.writeByte(0);
        assertThrows(LinkException.class, () -> StreamOpenCodec.decode(wire));
        wire.release();
    }

    @Test
    void refusesAnUnknownKindAMissingSessionIdAndANegativeWindow() {
        ByteBuf badKind = Unpooled.buffer().writeInt(1).writeByte(2).writeShort(1).writeByte('s')
                .writeShort(0xFFFF).writeShort(0xFFFF).writeShort(0xFFFF);
        assertTrue(assertThrows(LinkException.class, () -> StreamOpenCodec.decode(badKind)).getMessage()
                .contains("kind"));
        ByteBuf noSession = Unpooled.buffer().writeInt(1).writeByte(0).writeShort(0xFFFF)
                .writeShort(0xFFFF).writeShort(0xFFFF).writeShort(0xFFFF);
        assertThrows(LinkException.class, () -> StreamOpenCodec.decode(noSession));
        ByteBuf negative = Unpooled.buffer().writeInt(-1).writeByte(0).writeShort(1).writeByte('s')
                .writeShort(0xFFFF).writeShort(0xFFFF).writeShort(0xFFFF);
        assertThrows(LinkException.class, () -> StreamOpenCodec.decode(negative));
        badKind.release();
        noSession.release();
        negative.release();
    }

    @Test
    void refusesControlCharactersLongFieldsAndBadUtf8() {
        assertThrows(LinkException.class, () -> new StreamOpen(StreamKind.INCOMING, "s\n1", null, null, null));
        assertThrows(LinkException.class, () -> new StreamOpen(StreamKind.INCOMING, "s", "x".repeat(257), null, null));
        ByteBuf badUtf8 = Unpooled.buffer().writeInt(1).writeByte(0).writeShort(2).writeByte(0xC3).writeByte(0x28)
                .writeShort(0xFFFF).writeShort(0xFFFF).writeShort(0xFFFF);
        assertThrows(LinkException.class, () -> StreamOpenCodec.decode(badUtf8));
        badUtf8.release();
    }

    @Test
    void refusesOversizeMetadata() {
        ByteBuf big = Unpooled.buffer().writeZero(StreamOpenCodec.MAX_SYN + 1);
        assertThrows(LinkException.class, () -> StreamOpenCodec.decode(big));
        big.release();
    }

    @Test
    void cutsAndCleansResetReasons() {
        ByteBuf long_ = StreamOpenCodec.encodeReason(ALLOC, "x".repeat(1000));
        assertTrue(long_.readableBytes() <= StreamOpenCodec.MAX_REASON);
        long_.release();
        ByteBuf evil = Unpooled.copiedBuffer("bad\r\nline", StandardCharsets.UTF_8);
        assertEquals("bad??line", StreamOpenCodec.decodeReason(evil));
        evil.release();
        assertEquals("reset by peer", StreamOpenCodec.decodeReason(Unpooled.EMPTY_BUFFER));
    }

    @Test
    void roundTripsControlMessagesAndSkipsUnknownTypes() {
        for (ControlType type : ControlType.values()) {
            ControlMessage message = ControlMessage.of(type, "{\"a\":1}");
            ByteBuf wire = ControlCodec.encode(message);
            assertEquals(message, ControlCodec.decode(wire));
            wire.release();
        }
        ByteBuf unknown = Unpooled.wrappedBuffer(new byte[] {99, 'x'});
        assertEquals(null, ControlCodec.decode(unknown));
        assertThrows(LinkException.class, () -> new ControlMessage(ControlType.CONFIG,
                new byte[ControlMessage.MAX_BODY + 1]));
    }
}
