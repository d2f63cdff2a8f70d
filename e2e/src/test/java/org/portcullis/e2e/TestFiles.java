package org.portcullis.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Files of random octets with their SHA-256, made in one pass, and the SHA-256 of what arrived. */
final class TestFiles {
    private static final int CHUNK = 1024 * 1024;

    private TestFiles() {
    }

    /** A file that was written, and the SHA-256 of its octets in hex. */
    record Written(Path path, long size, String sha256) {
    }

    /** Writes {@code size} random octets (the same for the same seed) to {@code folder/name}. */
    static Written random(Path folder, String name, long size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        MessageDigest digest = sha256();
        Path file = folder.resolve(name);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                for (long left = size; left > 0; left -= chunk.limit()) {
                    chunk.clear().limit((int) Math.min(CHUNK, left));
                    while (chunk.remaining() >= Long.BYTES) {
                        chunk.putLong(random.nextLong());
                    }
                    while (chunk.hasRemaining()) {
                        chunk.put((byte) random.nextInt());
                    }
                    chunk.flip();
                    digest.update(chunk.duplicate());
                    while (chunk.hasRemaining()) {
                        channel.write(chunk);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new Written(file, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** The SHA-256 of a file in hex. */
    static String sha256(Path file) {
        MessageDigest digest = sha256();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(chunk.clear()) >= 0) {
                digest.update(chunk.flip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
