package org.portcullis.oftp2.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.portcullis.oftp2.frame.FrameBytes.readAllOutbound;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portcullis.oftp2.command.Data;

class OftpCommandEncoderTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new OftpCommandEncoder());

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    @Test
    void writesDataAsHeaderCommandOctetAndSubrecords() {
        channel.writeOutbound(new Data(Unpooled.wrappedBuffer(new byte[] {(byte) 0x82, 'O', 'K'})));

        assertArrayEquals(HexFormat.of().parseHex("1000000844824F4B"), readAllOutbound(channel));
    }

    @Test
    void releasesTheDataItWrites() {
        ByteBuf subrecords = Unpooled.wrappedBuffer(new byte[] {(byte) 0x82, 'O', 'K'});

        channel.writeOutbound(new Data(subrecords));
        assertEquals(1, subrecords.refCnt(), "the frame holds the only reference");

        readAllOutbound(channel);
        assertEquals(0, subrecords.refCnt());
    }

    @Test
    void doesNotCopyTheSubrecords() {
        ByteBuf subrecords = Unpooled.wrappedBuffer(new byte[] {(byte) 0x82, 'O', 'K'});

        channel.writeOutbound(new Data(subrecords));
        subrecords.setByte(1, 'N');

        assertArrayEquals(HexFormat.of().parseHex("100000084482" + "4E4B"), readAllOutbound(channel));
    }

    @Test
    void writesTheLargestData() {
        channel.writeOutbound(new Data(Unpooled.wrappedBuffer(new byte[99_998])));

        byte[] frame = readAllOutbound(channel);
        assertEquals(100_003, frame.length);
        assertArrayEquals(HexFormat.of().parseHex("100186A344"), Arrays.copyOf(frame, 5));
    }

    @Test
    void refusesDataTooLargeForAFrameAndReleasesIt() {
        ByteBuf subrecords = Unpooled.wrappedBuffer(new byte[99_999]);

        assertThrows(EncoderException.class, () -> channel.writeOutbound(new Data(subrecords)));
        assertEquals(0, subrecords.refCnt());
    }
}
