package org.portcullis.oftp2.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.portcullis.oftp2.frame.FrameBytes.ascii;
import static org.portcullis.oftp2.frame.FrameBytes.frame;
import static org.portcullis.oftp2.frame.FrameBytes.hex;
import static org.portcullis.oftp2.frame.FrameBytes.readAllOutbound;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Cd;
import org.portcullis.oftp2.command.Cdt;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.Data;
import org.portcullis.oftp2.command.Efid;
import org.portcullis.oftp2.command.Efpa;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.ParseMode;
import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Sfpa;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;

/** The framing and command handlers together, as the oftpCodec part of a pipeline uses them. */
class OftpCommandCodecTest {
    private static final byte[] SSRM = ascii("IODETTE FTP READY \r");

    private final EmbeddedChannel channel = new EmbeddedChannel(new StbFrameDecoder(),
            new OftpCommandDecoder(new CommandParser(ParseMode.STRICT)), new OftpCommandEncoder());

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    @Test
    void writesSsrmWithItsExactHeader() {
        channel.writeOutbound(Ssrm.INSTANCE);

        assertEquals("10000017" + HexFormat.of().formatHex(SSRM), HexFormat.of().formatHex(readAllOutbound(channel)));
    }

    @Test
    void writesCdtWithItsExactHeader() {
        channel.writeOutbound(Cdt.INSTANCE);

        assertEquals("1000000743" + "2020", HexFormat.of().formatHex(readAllOutbound(channel)));
    }

    @Test
    void readsSsrmFedOneOctetAtATime() {
        ByteBuf whole = frame(SSRM);
        while (whole.isReadable()) {
            channel.writeInbound(whole.readRetainedSlice(1));
        }
        whole.release();

        assertEquals(Ssrm.INSTANCE, channel.readInbound());
        assertNull(channel.readInbound());
    }

    @Test
    void readsCoalescedCdtAndData() {
        byte[] data = new byte[38];
        data[0] = 'D';
        data[1] = 0x23;
        Arrays.fill(data, 2, 37, (byte) ' ');
        data[37] = (byte) 0x80;

        channel.writeInbound(Unpooled.wrappedBuffer(frame(ascii("C  ")), frame(data)));

        assertEquals(Cdt.INSTANCE, channel.readInbound());
        Data read = channel.readInbound();
        try {
            assertEquals(38, read.length());
            assertArrayEquals(Arrays.copyOfRange(data, 1, 38), ByteBufUtil.getBytes(read.content()));
        } finally {
            read.release();
        }
    }

    @Test
    void readsBackWhatItWrites() {
        List<OftpCommand> commands = List.of(Ssrm.INSTANCE,
                new Ssid(5, "O0013000000ACME", "SECRET", 4000, SendReceiveMode.BOTH, false, true, false, 4, true, ""),
                new Sfpa(0), new Efid(0, 8546), new Efpa(true), Cd.INSTANCE,
                new Esid(EsidReason.NORMAL_TERMINATION, "Normal session termination"));

        for (OftpCommand command : commands) {
            channel.writeOutbound(command);
            channel.writeInbound(Unpooled.wrappedBuffer(readAllOutbound(channel)));
            assertEquals(command, channel.readInbound());
        }
    }

    @Test
    void readsBackData() {
        channel.writeOutbound(new Data(Unpooled.wrappedBuffer(new byte[] {(byte) 0x82, 'O', 'K'})));
        channel.writeInbound(Unpooled.wrappedBuffer(readAllOutbound(channel)));

        Data read = channel.readInbound();
        try {
            assertArrayEquals(new byte[] {(byte) 0x82, 'O', 'K'}, ByteBufUtil.getBytes(read.content()));
        } finally {
            read.release();
        }
    }

    @Test
    void refusesAnUnknownCommandAndDiscardsWhatFollows() {
        OftpProtocolException fault = assertThrows(OftpProtocolException.class,
                () -> channel.writeInbound(frame(ascii("Z"))));
        assertEquals(EsidReason.COMMAND_NOT_RECOGNISED, fault.reason());

        assertFalse(channel.writeInbound(frame(SSRM)));
        assertNull(channel.readInbound());
    }

    @Test
    void releasesAnExchangeBufferItCannotParse() {
        EmbeddedChannel commands = new EmbeddedChannel(new OftpCommandDecoder(new CommandParser(ParseMode.STRICT)));
        ByteBuf truncated = Unpooled.wrappedBuffer(ascii("X5ABC"));

        OftpProtocolException fault = assertThrows(OftpProtocolException.class, () -> commands.writeInbound(truncated));

        assertInstanceOf(EsidReason.class, fault.reason());
        assertEquals(0, truncated.refCnt());
        commands.finishAndReleaseAll();
    }

    @Test
    void refusesAFrameFaultBeforeTheCommandDecoderSeesIt() {
        OftpProtocolException fault = assertThrows(OftpProtocolException.class,
                () -> channel.writeInbound(hex("10 00 00 03")));

        assertEquals(EsidReason.EXCHANGE_BUFFER_SIZE_ERROR, fault.reason());
    }
}
