package org.portcullis.benchmarks.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** The files a workload sends: random octets, and their SHA-256 to compare with what arrived. */
final class Payload {
    private static final int CHUNK = 1 << 20;

    private Payload() {
    }

    /** Writes {@code size} random octets to {@code file} and returns their SHA-256 in hex. */
    static String write(Path file, long size, SplittableRandom random) throws IOException {
        MessageDigest digest = sha256();
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(size, 1))];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                int length = (int) Math.min(left, chunk.length);
                digest.update(chunk, 0, length);
                out.write(chunk, 0, length);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of a file in hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] chunk = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                digest.update(chunk, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
