package org.portcullis.oftp2.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portcullis.oftp2.frame.FrameBytes.ascii;
import static org.portcullis.oftp2.frame.FrameBytes.frame;
import static org.portcullis.oftp2.frame.FrameBytes.hex;
import static org.portcullis.oftp2.frame.FrameBytes.readInbound;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;

class StbFrameDecoderTest {
    private static final byte[] SSRM = ascii("IODETTE FTP READY \r");
    private static final byte[] CDT = ascii("C  ");

    private StbFrameDecoder decoder;
    private EmbeddedChannel channel;

    @BeforeEach
    void openChannel() {
        open(new StbFrameDecoder());
    }

    private void open(StbFrameDecoder newDecoder) {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
        decoder = newDecoder;
        channel = new EmbeddedChannel(decoder);
    }

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    @Test
    void passesOnTheExchangeBufferWithoutTheHeader() {
        assertTrue(channel.writeInbound(Unpooled.wrappedBuffer(hex("10 00 00 17"), Unpooled.wrappedBuffer(SSRM))));

        assertArrayEquals(SSRM, readInbound(channel));
        assertNull(channel.readInbound());
    }

    @Test
    void assemblesAFrameFedOneOctetAtATime() {
        ByteBuf whole = frame(SSRM);
        while (whole.isReadable()) {
            channel.writeInbound(whole.readRetainedSlice(1));
        }
        whole.release();

        assertArrayEquals(SSRM, readInbound(channel));
        assertNull(channel.readInbound());
    }

    @Test
    void splitsCoalescedFrames() {
        byte[] data = new byte[38];
        data[0] = 'D';
        data[1] = 0x23;
        Arrays.fill(data, 2, 37, (byte) ' ');
        data[37] = (byte) 0x80;

        channel.writeInbound(Unpooled.wrappedBuffer(frame(CDT), frame(data), frame(CDT)));

        assertArrayEquals(CDT, readInbound(channel));
        assertArrayEquals(data, readInbound(channel));
        assertArrayEquals(CDT, readInbound(channel));
        assertNull(channel.readInbound());
    }

    @Test
    void keepsAPartialFrameUntilItsLastOctetArrives() {
        ByteBuf whole = frame(SSRM);
        channel.writeInbound(whole.readRetainedSlice(10));
        assertNull(channel.readInbound());

        channel.writeInbound(whole);
        assertArrayEquals(SSRM, readInbound(channel));
    }

    @Test
    void acceptsTheSmallestFrame() {
        channel.writeInbound(hex("10 00 00 05 52"));

        assertArrayEquals(ascii("R"), readInbound(channel));
    }

    @Test
    void acceptsTheLargestFrame() {
        byte[] exchangeBuffer = new byte[99_999];
        exchangeBuffer[0] = 'D';

        channel.writeInbound(Unpooled.wrappedBuffer(hex("10 01 86 A3"), Unpooled.wrappedBuffer(exchangeBuffer)));

        assertArrayEquals(exchangeBuffer, readInbound(channel));
    }

    @Test
    void refusesALengthAboveTheMaximumFromTheHeaderAlone() {
        open(new StbFrameDecoder(4_004));

        assertFault(EsidReason.EXCHANGE_BUFFER_SIZE_ERROR, hex("10 00 0F A5"));
        assertEquals(0, decoder.bufferedOctets());
    }

    @Test
    void acceptsALengthAtTheConfiguredMaximum() {
        open(new StbFrameDecoder(9));

        channel.writeInbound(frame(ascii("HELLO")));

        assertArrayEquals(ascii("HELLO"), readInbound(channel));
    }

    @Test
    void refusesALengthAboveTheRfcMaximum() {
        assertFault(EsidReason.EXCHANGE_BUFFER_SIZE_ERROR, hex("10 01 86 A4"));
    }

    @Test
    void refusesALengthBelowFive() {
        assertFault(EsidReason.EXCHANGE_BUFFER_SIZE_ERROR, hex("10 00 00 04"));
    }

    @Test
    void refusesALengthOfZero() {
        assertFault(EsidReason.EXCHANGE_BUFFER_SIZE_ERROR, hex("10 00 00 00"));
    }

    @Test
    void refusesAnotherVersionFromTheFirstOctet() {
        OftpProtocolException fault = assertFault(EsidReason.COMMAND_NOT_RECOGNISED, hex("20"));

        assertTrue(fault.getMessage().contains("version 2"), fault.getMessage());
    }

    @Test
    void refusesReservedFlags() {
        OftpProtocolException fault = assertFault(EsidReason.COMMAND_NOT_RECOGNISED, hex("11 00 00 05 52"));

        assertTrue(fault.getMessage().contains("flags"), fault.getMessage());
    }

    @Test
    void refusesGarbage() {
        assertFault(EsidReason.COMMAND_NOT_RECOGNISED, Unpooled.wrappedBuffer(ascii("GET / HTTP/1.1\r\n\r\n")));
    }

    @Test
    void refusesAFaultAfterAGoodFrameButPassesOnTheGoodFrame() {
        ByteBuf input = Unpooled.wrappedBuffer(frame(CDT), hex("FF FF FF FF"));

        assertThrows(OftpProtocolException.class, () -> channel.writeInbound(input));

        assertArrayEquals(CDT, readInbound(channel));
        assertNull(channel.readInbound());
    }

    @Test
    void discardsEverythingAfterAFault() {
        assertFault(EsidReason.COMMAND_NOT_RECOGNISED, hex("00"));

        assertFalse(channel.writeInbound(frame(CDT)));
        assertNull(channel.readInbound());
        assertEquals(0, decoder.bufferedOctets());
    }

    @Test
    void refusesAnImpossibleMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new StbFrameDecoder(100_004));
        assertThrows(IllegalArgumentException.class, () -> new StbFrameDecoder(4));
    }

    private OftpProtocolException assertFault(EsidReason reason, ByteBuf input) {
        OftpProtocolException fault = assertThrows(OftpProtocolException.class, () -> channel.writeInbound(input));
        assertEquals(reason, fault.reason());
        assertEquals("STH", fault.field());
        assertNull(channel.readInbound());
        return fault;
    }
}
