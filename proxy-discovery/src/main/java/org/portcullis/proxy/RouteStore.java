package org.portcullis.proxy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The {@code db} step's memory: the route that last reached the backend, in a small properties file that is
 * replaced atomically (written to a temporary file in the same folder, forced to disk, renamed over the old
 * one, the folder forced), so a crash leaves the old file or the new one, never half of one. Proxy
 * credentials are never written: the file names the proxy by address, and the credentials come from the
 * configured proxies when the route is read back.
 */
final class RouteStore {
    private static final Logger LOG = LogManager.getLogger();
    private static final String TARGET = "target";
    private static final String ROUTE = "route";
    private static final String DIRECT = "direct";

    private final Path file;

    RouteStore(Path file) {
        this.file = file;
    }

    /**
     * A stored route as the file has it.
     *
     * @param target the backend's {@code host:port} it reached
     * @param proxy  the proxy it went through (without credentials), or null for direct
     */
    record Stored(String target, ProxyEndpoint proxy) {
    }

    /** The stored route; empty when the file is missing. */
    Optional<Stored> read() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        String target = properties.getProperty(TARGET);
        String route = properties.getProperty(ROUTE);
        if (target == null || route == null) {
            throw new IOException("no " + TARGET + " or " + ROUTE + " in " + file);
        }
        try {
            return Optional.of(new Stored(target, route.equals(DIRECT) ? null : ProxyEndpoint.parse(route)));
        } catch (IllegalArgumentException e) {
            throw new IOException("bad route in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the file with this route, atomically. */
    void write(Target target, Route route, Instant when) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(TARGET, target.authority());
        properties.setProperty(ROUTE, route.isDirect() ? DIRECT : route.proxy().address());
        properties.setProperty("step", route.step().label());
        properties.setProperty("saved", when.toString());
        StringWriter text = new StringWriter();
        properties.store(text, "Portcullis proxy discovery: the route that last reached the backend");
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text.toString());
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            move(temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceFolder(folder);
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every file system lets a folder be opened for this. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot force folder {} to disk: {}", folder, e.toString());
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
