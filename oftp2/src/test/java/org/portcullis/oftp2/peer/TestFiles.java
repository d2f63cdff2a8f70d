package org.portcullis.oftp2.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Files of random octets for transfer tests, and their SHA-256. */
final class TestFiles {
    static final int KIB = 1024;
    static final int MIB = 1024 * KIB;

    private TestFiles() {
    }

    /** Writes {@code size} pseudo-random octets (seeded, so runs are repeatable) to {@code dir/name}. */
    static Path random(Path dir, String name, long size, long seed) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[64 * KIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return file;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
