package org.portcullis.backend.document;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.BackendException;

/**
 * Watches the change signal file in the data folder (inotify on Linux) and asks for a rebuild each time a commit
 * touches it, so a change the CLI makes in another process reaches the service within milliseconds.
 */
public final class ChangeWatcher implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final WatchService watcher;
    private final Thread thread;

    private ChangeWatcher(WatchService watcher, Thread thread) {
        this.watcher = watcher;
        this.thread = thread;
    }

    /**
     * Starts watching.
     *
     * @param signalFile the file commits touch
     * @param onChange run after each change (must return quickly)
     */
    public static ChangeWatcher start(Path signalFile, Runnable onChange) {
        WatchService watcher;
        try {
            watcher = FileSystems.getDefault().newWatchService();
            signalFile.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException e) {
            throw new BackendException("cannot watch " + signalFile.getParent() + " for changes: " + e.getMessage(), e);
        }
        Path name = signalFile.getFileName();
        Thread thread = new Thread(() -> watch(watcher, name, onChange), "backend-change-watcher");
        thread.setDaemon(true);
        thread.start();
        return new ChangeWatcher(watcher, thread);
    }

    private static void watch(WatchService watcher, Path name, Runnable onChange) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean changed = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    changed |= event.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(event.context());
                }
                key.reset();
                if (changed) {
                    onChange.run();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            LOG.debug("change watcher stopped");
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the change watcher: {}", e.getMessage());
        }
        thread.interrupt();
    }
}
