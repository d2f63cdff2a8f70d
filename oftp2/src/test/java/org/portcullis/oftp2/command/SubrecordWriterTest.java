package org.portcullis.oftp2.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** U format files packed into DATA buffers and back (RFC 5024 §7.2, §7.3). */
class SubrecordWriterTest {
    private static final int[] BUFFER_SIZES = {3, 64, 65, 128, 129, 4000, 99_999};

    @TempDir
    Path directory;

    static Stream<Arguments> filesAndBufferSizes() {
        Random random = new Random(5024);
        List<Arguments> cases = new ArrayList<>();
        for (int bufferSize : BUFFER_SIZES) {
            // Tiny buffers make one Data per octet or two: kept to small files for speed.
            int large = bufferSize < 64 ? 5_000 : 99_998;
            int randomSize = random.nextInt(bufferSize < 128 ? 5_000 : 300_000);
            for (int size : new int[] {0, 1, 63, 64, large, randomSize}) {
                cases.add(Arguments.of(size, bufferSize));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} octets, SDEB {1}")
    @MethodSource("filesAndBufferSizes")
    void packsAndUnpacksFromAByteBuf(int size, int bufferSize) {
        byte[] file = randomFile(size);
        SubrecordWriter writer = new SubrecordWriter(PooledByteBufAllocator.DEFAULT, bufferSize);
        ByteBuf source = Unpooled.wrappedBuffer(file);
        try (Unpacker unpacker = new Unpacker(bufferSize, writer.capacity())) {
            do {
                unpacker.accept(writer.write(source, true));
            } while (source.isReadable());
            assertArrayEquals(file, unpacker.file());
        } finally {
            source.release();
        }
    }

    @ParameterizedTest(name = "{0} octets, SDEB {1}")
    @MethodSource("filesAndBufferSizes")
    void packsFromAByteBufferAndAFileChannel(int size, int bufferSize) throws IOException {
        byte[] file = randomFile(size);
        SubrecordWriter writer = new SubrecordWriter(PooledByteBufAllocator.DEFAULT, bufferSize);
        ByteBuffer source = ByteBuffer.wrap(file);
        try (Unpacker unpacker = new Unpacker(bufferSize, writer.capacity())) {
            do {
                unpacker.accept(writer.write(source, true));
            } while (source.hasRemaining());
            assertArrayEquals(file, unpacker.file());
        }
        Path path = Files.write(directory.resolve("file"), file);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
                Unpacker unpacker = new Unpacker(bufferSize, writer.capacity())) {
            long position = 0;
            do {
                unpacker.accept(writer.write(channel, position, size));
                position += Math.min(writer.capacity(), size - position);
            } while (position < size);
            assertArrayEquals(file, unpacker.file());
        }
    }

    @Test
    void anEmptyFileIsOneEndOfRecordHeader() {
        Data data = new SubrecordWriter(PooledByteBufAllocator.DEFAULT, 128).write(Unpooled.EMPTY_BUFFER, true);
        try {
            assertEquals("D\u0080", Wire.latin1(Wire.encode(data)));
        } finally {
            data.release();
        }
    }

    @Test
    void fillsABufferWithFullSubrecords() {
        SubrecordWriter writer = new SubrecordWriter(PooledByteBufAllocator.DEFAULT, 129);
        assertEquals(126, writer.capacity());
        Data data = writer.write(Unpooled.wrappedBuffer(new byte[200]), false);
        try {
            byte[] octets = Wire.encode(data);
            assertEquals(129, octets.length);
            assertEquals(63, octets[1]);
            assertEquals(63, octets[65]);
        } finally {
            data.release();
        }
    }

    @Test
    void endsTheFileOnlyWhenTold() {
        SubrecordWriter writer = new SubrecordWriter(PooledByteBufAllocator.DEFAULT, 128);
        Data open = writer.write(Unpooled.wrappedBuffer(new byte[] {1}), false);
        Data end = writer.write(Unpooled.EMPTY_BUFFER, true);
        try {
            assertEquals("D\u0001\u0001", Wire.latin1(Wire.encode(open)));
            assertEquals("D\u0080", Wire.latin1(Wire.encode(end)));
        } finally {
            open.release();
            end.release();
        }
        assertThrows(IllegalArgumentException.class, () -> writer.write(Unpooled.EMPTY_BUFFER, false));
        assertThrows(IllegalArgumentException.class, () -> new SubrecordWriter(PooledByteBufAllocator.DEFAULT, 2));
    }

    /** Checks each buffer against SDEB and the filling rules as it comes, and releases it. */
    private static final class Unpacker implements AutoCloseable {
        private final int bufferSize;
        private final int capacity;
        private final ByteBuf file = Unpooled.buffer();
        private int lastOctets = -1;
        private int records;

        Unpacker(int bufferSize, int capacity) {
            this.bufferSize = bufferSize;
            this.capacity = capacity;
        }

        void accept(Data data) {
            try {
                assertTrue(data.length() <= bufferSize, "longer than SDEB");
                assertFalse(data.compressed());
                assertEquals(0, records, "a buffer follows the end of the file");
                if (lastOctets >= 0) {
                    assertEquals(capacity, lastOctets, "a buffer before the last is not full");
                }
                int before = file.readableBytes();
                records += SubrecordReader.read(data, file);
                lastOctets = file.readableBytes() - before;
                Data reparsed = (Data) Wire.parse(ParseMode.STRICT, Wire.encode(data));
                assertEquals(data, reparsed);
                reparsed.release();
            } finally {
                data.release();
            }
        }

        byte[] file() {
            assertEquals(1, records, "the file's end-of-record flag");
            return ByteBufUtil.getBytes(file);
        }

        @Override
        public void close() {
            file.release();
        }
    }

    private static byte[] randomFile(int size) {
        byte[] file = new byte[size];
        new Random(size).nextBytes(file);
        return file;
    }
}
