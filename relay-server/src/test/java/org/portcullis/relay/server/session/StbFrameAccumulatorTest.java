package org.portcullis.relay.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Cdt;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.Data;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.ParseMode;
import org.portcullis.oftp2.command.Ssrm;

class StbFrameAccumulatorTest {
    private final StbFrameAccumulator accumulator =
            new StbFrameAccumulator(ByteBufAllocator.DEFAULT, new CommandParser(ParseMode.STRICT));

    @AfterEach
    void close() {
        accumulator.close();
    }

    private static ByteBuf frames(OftpCommand... commands) {
        ByteBuf all = Unpooled.buffer();
        for (OftpCommand command : commands) {
            ByteBuf frame = StbFrames.encode(ByteBufAllocator.DEFAULT, command);
            all.writeBytes(frame);
            frame.release();
        }
        return all;
    }

    private static Data data(String text) {
        ByteBuf subrecords = Unpooled.buffer();
        subrecords.writeByte(Data.END_OF_RECORD | text.length());
        subrecords.writeCharSequence(text, StandardCharsets.US_ASCII);
        return new Data(subrecords);
    }

    @Test
    void wholeFramesComeOutInOrderWithTheirLengths() {
        accumulator.add(frames(Ssrm.INSTANCE, new Cdt()));
        assertInstanceOf(Ssrm.class, accumulator.next());
        assertEquals(23, accumulator.lastFrameLength());
        assertInstanceOf(Cdt.class, accumulator.next());
        assertEquals(7, accumulator.lastFrameLength());
        assertNull(accumulator.next());
        assertEquals(0, accumulator.buffered());
    }

    @Test
    void aFrameArrivingOctetByOctetComesOutOnceWhole() {
        Data original = data("HELLO");
        ByteBuf wire = frames(original);
        original.release();
        int length = wire.readableBytes();
        for (int i = 0; i < length - 1; i++) {
            accumulator.add(wire.readRetainedSlice(1));
            assertNull(accumulator.next());
            assertEquals(i + 1, accumulator.buffered());
        }
        accumulator.add(wire.readRetainedSlice(1));
        wire.release();
        Data data = assertInstanceOf(Data.class, accumulator.next());
        try {
            assertEquals(0x85, data.content().getUnsignedByte(data.content().readerIndex()));
            assertEquals("HELLO", data.content().toString(data.content().readerIndex() + 1, 5,
                    StandardCharsets.US_ASCII));
        } finally {
            data.release();
        }
        assertEquals(0, accumulator.buffered());
    }

    @Test
    void aDataFrameSplitAcrossChunksIsNotCopied() {
        Data original = data("ABCDEFGHIJ");
        ByteBuf wire = frames(original, new Cdt());
        original.release();
        accumulator.add(wire.readRetainedSlice(8));
        accumulator.add(wire.readRetainedSlice(wire.readableBytes()));
        wire.release();
        Data data = assertInstanceOf(Data.class, accumulator.next());
        data.release();
        assertInstanceOf(Cdt.class, accumulator.next());
    }

    @Test
    void aWrongHeaderVersionIsEsid01AtItsFirstOctet() {
        accumulator.add(Unpooled.wrappedBuffer(new byte[] {0x20}));
        OftpProtocolException fault = assertThrows(OftpProtocolException.class, accumulator::next);
        assertEquals(EsidReason.COMMAND_NOT_RECOGNISED, fault.reason());
        // Later octets are released unread.
        accumulator.add(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
        assertNull(accumulator.next());
    }

    @Test
    void aFrameLengthOutsideTheRfcRangeIsEsid07() {
        accumulator.add(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("100186a4")));
        assertEquals(EsidReason.EXCHANGE_BUFFER_SIZE_ERROR,
                assertThrows(OftpProtocolException.class, accumulator::next).reason());
    }

    @Test
    void anUnknownCommandIsEsid01() {
        accumulator.add(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("100000055a")));
        assertEquals(EsidReason.COMMAND_NOT_RECOGNISED,
                assertThrows(OftpProtocolException.class, accumulator::next).reason());
    }
}
