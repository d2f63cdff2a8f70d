package org.portcullis.oftp2.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;

/**
 * The subrecord scan of a DATA exchange buffer (RFC 5024 §7.2) reads NIO views and skips runs of full
 * subrecords: it must come to the same verdict as reading one header after the other, whatever the buffer
 * type and wherever a composite's components split the subrecords.
 */
class DataScanTest {
    private static final int CASES = 1000;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void agreesWithAHeaderByHeaderScanWhereverTheBufferIsSplit(boolean direct) {
        SplittableRandom random = new SplittableRandom(5024);
        for (int i = 0; i < CASES; i++) {
            byte[] subrecords = subrecords(random);
            ByteBuf buffer = split(subrecords, random, direct);
            try {
                assertEquals(headerByHeader(subrecords), verdict(buffer), "case " + i);
            } finally {
                buffer.release();
            }
        }
    }

    @Test
    void refusesARunOfFullSubrecordsCutShort() {
        byte[] subrecords = new byte[8 * 64 - 1];
        for (int i = 0; i < subrecords.length; i += 64) {
            subrecords[i] = Data.COUNT_MASK;
        }
        ByteBuf content = Unpooled.wrappedBuffer(subrecords);
        try {
            OftpProtocolException e = assertThrows(OftpProtocolException.class, () -> new Data(content));
            assertEquals(EsidReason.COMMAND_CONTAINED_INVALID_DATA, e.reason());
            assertEquals("DATA: the last subrecord runs 1 octets past the end of the buffer", e.getMessage());
        } finally {
            content.release();
        }
    }

    /** What the scan says: "compressed", "plain" or the fault. */
    private static String verdict(ByteBuf buffer) {
        try {
            return Data.scan(buffer, buffer.readerIndex(), buffer.writerIndex()) ? "compressed" : "plain";
        } catch (OftpProtocolException e) {
            return e.getMessage();
        }
    }

    /** The same verdict from one header at a time, as RFC 5024 §7.2 describes the buffer. */
    private static String headerByHeader(byte[] subrecords) {
        boolean compressed = false;
        int index = 0;
        while (index < subrecords.length) {
            int header = subrecords[index];
            if ((header & Data.COMPRESSED) != 0) {
                compressed = true;
                index += 2;
            } else {
                index += 1 + (header & Data.COUNT_MASK);
            }
        }
        if (index > subrecords.length) {
            return "DATA: the last subrecord runs " + (index - subrecords.length)
                    + " octets past the end of the buffer";
        }
        return compressed ? "compressed" : "plain";
    }

    /**
     * Mostly runs of full subrecords, as a U format file is sent, mixed with short, compressed and
     * record-ending ones; a third of the cases are cut or padded at the end, so that they are faulty.
     */
    private static byte[] subrecords(SplittableRandom random) {
        ByteBuf out = Unpooled.buffer();
        try {
            int count = random.nextInt(40);
            for (int i = 0; i < count; i++) {
                int kind = random.nextInt(10);
                if (kind < 6) {
                    out.writeByte(Data.COUNT_MASK).writeZero(Data.COUNT_MASK);
                } else if (kind < 8) {
                    int length = random.nextInt(Data.COUNT_MASK + 1);
                    out.writeByte((random.nextBoolean() ? Data.END_OF_RECORD : 0) | length).writeZero(length);
                } else {
                    out.writeByte(Data.COMPRESSED | random.nextInt(Data.COUNT_MASK + 1)).writeByte('x');
                }
            }
            int end = switch (random.nextInt(3)) {
                case 0 -> Math.max(0, out.writerIndex() - 1 - random.nextInt(64));
                case 1 -> out.writeZero(1 + random.nextInt(3)).writerIndex();
                default -> out.writerIndex();
            };
            byte[] octets = new byte[end];
            out.getBytes(0, octets);
            return octets;
        } finally {
            out.release();
        }
    }

    /** The octets as a slice of a composite of one to four buffers after a {@code D}, as the parser sees them. */
    private static ByteBuf split(byte[] subrecords, SplittableRandom random, boolean direct) {
        CompositeByteBuf composite = Unpooled.compositeBuffer();
        composite.addComponent(true, component(new byte[] {'D'}, direct));
        int from = 0;
        for (int parts = 1 + random.nextInt(4); parts > 1 && from < subrecords.length; parts--) {
            int to = from + random.nextInt(subrecords.length - from + 1);
            composite.addComponent(true, component(Arrays.copyOfRange(subrecords, from, to), direct));
            from = to;
        }
        composite.addComponent(true, component(Arrays.copyOfRange(subrecords, from, subrecords.length),
                direct));
        return composite.slice(1, subrecords.length);
    }

    private static ByteBuf component(byte[] octets, boolean direct) {
        return direct ? Unpooled.directBuffer(octets.length).writeBytes(octets) : Unpooled.wrappedBuffer(octets);
    }
}
