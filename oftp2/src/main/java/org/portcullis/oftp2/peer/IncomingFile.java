package org.portcullis.oftp2.peer;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.portcullis.oftp2.command.Sfid;

/**
 * A file being received (RFC 5024 §4.3.3 to §4.3.5): its octets go to the partial file
 * {@code <dir>/.<name>.part}, which stays behind with its identity sidecar when the session is cut, so
 * a restart can append to it; on EFID it is synced and renamed into place.
 */
final class IncomingFile implements AutoCloseable {
    private final Sfid sfid;
    private final Path partial;
    private final Path sidecar;
    private final Path target;
    private final FileChannel channel;
    private final long restartOffset;

    private IncomingFile(Sfid sfid, Path partial, Path sidecar, Path target, FileChannel channel,
            long restartOffset) {
        this.sfid = sfid;
        this.partial = partial;
        this.sidecar = sidecar;
        this.target = target;
        this.channel = channel;
        this.restartOffset = restartOffset;
    }

    /**
     * Opens the partial file for {@code sfid}, resuming at {@code restartBlocks} × 1024 octets (which the
     * caller has already bounded by the partial file's length), or from 0 with a fresh sidecar.
     */
    static IncomingFile open(Sfid sfid, Path dir, String name, long restartBlocks) throws IOException {
        Path partial = dir.resolve("." + name + ".part");
        Path sidecar = dir.resolve("." + name + ".part.id");
        if (restartBlocks == 0) {
            Files.deleteIfExists(sidecar);
            ReceiveIdentity.of(sfid).write(sidecar);
        }
        FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            long offset = restartBlocks * 1024;
            channel.truncate(offset);
            channel.position(offset);
            return new IncomingFile(sfid, partial, sidecar, dir.resolve(name), channel, offset);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    Sfid sfid() {
        return sfid;
    }

    long restartOffset() {
        return restartOffset;
    }

    /** Octets in the partial file so far, restart offset included. */
    long length() throws IOException {
        return channel.position();
    }

    /** Appends the readable octets of {@code octets} (which the caller keeps and releases). */
    void write(ByteBuf octets) throws IOException {
        int length = octets.readableBytes();
        int written = 0;
        while (written < length) {
            written += octets.getBytes(octets.readerIndex() + written, channel, length - written);
        }
        octets.skipBytes(length);
    }

    /** Makes the file durable and moves it into place atomically, replacing an older one of that name. */
    void commit() throws IOException {
        channel.force(true);
        channel.close();
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(sidecar);
    }

    /** Throws the received octets away (a refused file), so no restart can build on them. */
    void discard() throws IOException {
        channel.close();
        Files.deleteIfExists(partial);
        Files.deleteIfExists(sidecar);
    }

    /** Closes the partial file and keeps it with its sidecar for a restart. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
