package org.portcullis.daemon.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where a running daemon's control port listens, in a file next to its PID file ({@code relay-server.pid} →
 * {@code relay-server.control}), one line {@code 127.0.0.1:9878}: so scripts, tests and {@code ctl} find a
 * control port bound to port 0. Written once the port listens, removed on exit with the PID file.
 */
public final class ControlFile {
    private ControlFile() {
    }

    /** {@code NAME.pid} → {@code NAME.control}; any other name gets {@code .control} appended. */
    public static Path beside(Path pidFile) {
        String name = pidFile.getFileName().toString();
        String base = name.endsWith(".pid") ? name.substring(0, name.length() - ".pid".length()) : name;
        return pidFile.resolveSibling(base + ".control");
    }

    /** Writes the address (atomically: a reader never sees half a line). */
    public static void write(Path file, ControlAddress address) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, address + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The address in the file, empty when there is no file. */
    public static Optional<ControlAddress> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(ControlAddress.parse(Files.readString(file, StandardCharsets.US_ASCII).strip()));
    }
}
