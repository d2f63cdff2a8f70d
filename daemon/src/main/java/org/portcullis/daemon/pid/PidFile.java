package org.portcullis.daemon.pid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.daemon.DaemonException;
import org.portcullis.daemon.DaemonIdentity;

/**
 * The PID file of a running daemon, held locked for the life of the process: a second start finds it locked and
 * names the running PID; a file left by a process that is gone (or whose PID another program now has) is not
 * locked, and is replaced with a warning. Closing it removes the file.
 *
 * <p>The lock is an advisory {@code fcntl} lock on the file ({@link FileChannel#tryLock()}), which the kernel
 * releases when the process dies however it dies, so a stale file is never locked.
 */
public final class PidFile implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    /** A PID file is one number: anything longer is not ours. */
    private static final int MAX_LENGTH = 64;

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final long pid;

    private PidFile(Path path, FileChannel channel, FileLock lock, long pid) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.pid = pid;
    }

    /**
     * Locks {@code path} (creating it and its folder) and writes this process's PID into it.
     *
     * @throws DaemonException {@link DaemonException#ALREADY_RUNNING} naming the PID when another instance holds
     *                         it, {@link DaemonException#SETUP_FAILED} when it cannot be written
     */
    public static PidFile acquire(Path path, DaemonIdentity daemon) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // A file locked just as its owner removed it on exit is gone from the folder: open the new one.
            for (int attempt = 1; ; attempt++) {
                Optional<PidFile> held = tryAcquire(path, daemon);
                if (held.isPresent() || attempt == 2) {
                    return held.orElseThrow(() -> new IOException("it was removed twice while being locked"));
                }
            }
        } catch (IOException e) {
            throw new DaemonException(DaemonException.SETUP_FAILED, "cannot write the PID file " + path + ": " + e,
                    e);
        }
    }

    /** The locked file, or empty when the file locked is no longer at {@code path}. */
    private static Optional<PidFile> tryAcquire(Path path, DaemonIdentity daemon) throws IOException {
        // Opened without truncating: the file of a running instance keeps its PID until we hold the lock.
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = lock(path, channel, daemon);
            if (!Files.exists(path)) {
                lock.release();
                channel.close();
                return Optional.empty();
            }
            return Optional.of(write(path, channel, lock));
        } catch (RuntimeException | IOException e) {
            channel.close();
            throw e;
        }
    }

    private static FileLock lock(Path path, FileChannel channel, DaemonIdentity daemon) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        OptionalLong recorded = read(channel);
        if (lock == null) {
            throw alreadyRunning(daemon, path, recorded, "");
        }
        long self = ProcessHandle.current().pid();
        if (recorded.isPresent() && recorded.getAsLong() != self) {
            checkStale(path, daemon, recorded.getAsLong());
        }
        return lock;
    }

    private static PidFile write(Path path, FileChannel channel, FileLock lock) throws IOException {
        long self = ProcessHandle.current().pid();
        byte[] content = (self + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(content), 0);
        channel.force(true);
        return new PidFile(path, channel, lock, self);
    }

    /**
     * The file was not locked, so no instance holds it; the PID it names is stale unless that process is this
     * daemon all the same (a PID file on a file system without locks, say), which is refused to be safe.
     */
    private static void checkStale(Path path, DaemonIdentity daemon, long recorded) {
        Optional<List<String>> commandLine = ProcessCommandLine.of(recorded);
        if (commandLine.isEmpty()) {
            LOG.warn("stale PID file {}: process {} is gone; replaced", path, recorded);
        } else if (isDaemon(commandLine.get(), daemon)) {
            throw alreadyRunning(daemon, path, OptionalLong.of(recorded), " (its PID file is not locked)");
        } else {
            LOG.warn("stale PID file {}: PID {} now belongs to another program ({}); replaced", path, recorded,
                    commandLine.get().isEmpty() ? "unknown" : commandLine.get().get(0));
        }
    }

    /** Whether a command line runs the daemon: its main class, or its jar ({@code NAME.jar}, {@code NAME-*.jar}). */
    static boolean isDaemon(List<String> commandLine, DaemonIdentity daemon) {
        for (String argument : commandLine) {
            if (argument.equals(daemon.mainClass())) {
                return true;
            }
            Path file = Path.of(argument.isEmpty() ? "." : argument).getFileName();
            String name = file == null ? "" : file.toString();
            boolean daemonJar = name.equals(daemon.name() + ".jar") || name.startsWith(daemon.name() + "-");
            if (name.endsWith(".jar") && daemonJar) {
                return true;
            }
        }
        return false;
    }

    private static DaemonException alreadyRunning(DaemonIdentity daemon, Path path, OptionalLong pid, String note) {
        String who = pid.isPresent() ? "with PID " + pid.getAsLong() : "(its PID file names no PID)";
        return new DaemonException(DaemonException.ALREADY_RUNNING, daemon.name() + " is already running " + who
                + note + ": PID file " + path);
    }

    private static OptionalLong read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_LENGTH);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        try {
            long pid = Long.parseLong(text);
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NumberFormatException notAPid) {
            return OptionalLong.empty();
        }
    }

    public Path path() {
        return path;
    }

    /** The PID written: this process's. */
    public long pid() {
        return pid;
    }

    /**
     * Removes the file, then releases the lock: the other order would let a new instance lock the file just
     * before it is deleted under it.
     */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("cannot remove the PID file {}: {}", path, e.toString());
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.warn("cannot release the PID file {}: {}", path, e.toString());
        }
    }
}
