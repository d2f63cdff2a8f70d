package org.portcullis.oftp2.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portcullis.oftp2.command.Wire.octets;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;

/** DATA exchange buffers (RFC 5024 §5.3.6, §7): structure checks, zero copy, and Appendix A. */
class DataTest {

    @Test
    void decodesTheAppendixABufferToThePoem() {
        byte[] buffer = AppendixA.exchangeBuffer();
        assertEquals(821, buffer.length);
        Data data = (Data) Wire.parse(ParseMode.STRICT, buffer);
        ByteBuf text = Unpooled.buffer();
        try {
            assertEquals(821, data.length());
            assertFalse(data.compressed());
            assertEquals(1, SubrecordReader.read(data, text));
            assertEquals(AppendixA.TEXT, text.toString(StandardCharsets.US_ASCII));
            assertArrayEquals(buffer, Wire.encode(data));
        } finally {
            text.release();
            data.release();
        }
    }

    @Test
    void parsedDataSharesTheExchangeBuffer() {
        ByteBuf exchange = Unpooled.wrappedBuffer(octets("D\u0083ABC"));
        Data data = (Data) new CommandParser(ParseMode.STRICT).parse(exchange);
        try {
            assertEquals(0, exchange.readableBytes());
            assertEquals(2, exchange.refCnt());
            exchange.setByte(2, 'X');
            assertEquals('X', data.content().getByte(1));
        } finally {
            data.release();
            exchange.release();
        }
        assertEquals(0, exchange.refCnt());
    }

    @Test
    void expandsCompressedSubrecordsAndCountsRecords() {
        // "AB" ends a record, 5 x '-' compressed, an empty record, then "C" left open.
        Data data = new Data(Unpooled.wrappedBuffer(octets("\u0082AB\u0045-\u0080\u0001C")));
        ByteBuf out = Unpooled.buffer();
        try {
            assertTrue(data.compressed());
            assertEquals(9, data.length());
            assertEquals(2, SubrecordReader.read(data, out, new byte[] {'|'}));
            assertEquals("AB|-----|C", out.toString(StandardCharsets.US_ASCII));
        } finally {
            out.release();
            data.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0003AB", "\u0040", "\u00C5", "\u0001A\u003F", "\u0080\u0002"})
    void refusesASubrecordRunningPastTheBuffer(String subrecords) {
        ByteBuf content = Unpooled.wrappedBuffer(octets(subrecords));
        try {
            OftpProtocolException e = assertThrows(OftpProtocolException.class, () -> new Data(content));
            assertEquals(EsidReason.COMMAND_CONTAINED_INVALID_DATA, e.reason());
            assertEquals("DATA", e.field());
            assertEquals(1, content.refCnt(), "a refused buffer stays the caller's");
        } finally {
            content.release();
        }
        Wire.refused(ParseMode.LENIENT, "D" + subrecords, EsidReason.COMMAND_CONTAINED_INVALID_DATA, "DATA");
    }

    @Test
    void acceptsEmptySubrecordsAndRecords() {
        Data data = (Data) Wire.parse(ParseMode.STRICT, "D\u0000\u0080\u0000");
        try {
            assertEquals(4, data.length());
            assertEquals(1, SubrecordReader.read(data, Unpooled.EMPTY_BUFFER));
        } finally {
            data.release();
        }
    }

    @Test
    void copiesAndDuplicatesStayData() {
        Data data = new Data(Unpooled.wrappedBuffer(octets("\u0045x")));
        Data copy = data.copy();
        Data duplicate = data.retainedDuplicate();
        try {
            assertTrue(copy.compressed());
            assertEquals(data, copy);
            assertEquals(data, duplicate);
            assertEquals(3, duplicate.length());
            assertEquals("D\u0045x", Wire.latin1(Wire.encode(copy)));
        } finally {
            copy.release();
            duplicate.release();
            data.release();
        }
    }
}
