package org.portcullis.oftp2.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.portcullis.oftp2.frame.FrameBytes.ascii;
import static org.portcullis.oftp2.frame.FrameBytes.readAllOutbound;
import static org.portcullis.oftp2.frame.FrameBytes.take;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StbFrameEncoderTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new StbFrameEncoder());

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    @Test
    void prefixesTheSsrmWithItsHeader() {
        channel.writeOutbound(Unpooled.wrappedBuffer(ascii("IODETTE FTP READY \r")));

        assertArrayEquals(HexFormat.of().parseHex("10000017" + HexFormat.of().formatHex(ascii("IODETTE FTP READY \r"))),
                readAllOutbound(channel));
    }

    @Test
    void prefixesTheCdtWithItsHeader() {
        channel.writeOutbound(Unpooled.wrappedBuffer(ascii("C  ")));

        assertArrayEquals(HexFormat.of().parseHex("1000000743 2020".replace(" ", "")), readAllOutbound(channel));
    }

    @Test
    void writesTheLargestHeader() {
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[99_999]));

        ByteBuf header = channel.readOutbound();
        assertArrayEquals(HexFormat.of().parseHex("100186A3"), take(header));
        assertEquals(99_999, take(channel.readOutbound()).length);
    }

    @Test
    void refusesAnExchangeBufferTooLargeForAFrameAndReleasesIt() {
        ByteBuf tooLarge = Unpooled.wrappedBuffer(new byte[100_000]);

        assertThrows(EncoderException.class, () -> channel.writeOutbound(tooLarge));
        assertEquals(0, tooLarge.refCnt());
    }

    @Test
    void refusesAnEmptyExchangeBuffer() {
        assertThrows(EncoderException.class, () -> channel.writeOutbound(Unpooled.buffer()));
    }
}
