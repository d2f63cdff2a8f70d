package org.portcullis.relay.client.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.ConfigException;
import org.portcullis.config.ConfigLoader;

/**
 * The configuration of {@code --config-file}: read and validated at start, then checked on a timer of its own
 * thread (file reads never run on an event loop) and re-read when its modification time, size or identity
 * changes. A new file that does not validate is refused whole, its errors logged, and the last good one stays.
 */
public final class ConfigFileWatcher implements ConfigSource {
    private static final Logger LOG = LogManager.getLogger();

    private final Path file;
    private final Duration interval;
    private final ScheduledExecutorService timer;
    private volatile LoadedConfig current;
    private volatile Instant loadedAt = Instant.now();
    /** The version of the file last read, good or bad, so a bad file is reported once, not on every check. */
    private FileVersion seen;
    private Consumer<LoadedConfig> listener;

    private ConfigFileWatcher(Path file, Duration interval, LoadedConfig initial, FileVersion seen) {
        this.file = file;
        this.interval = interval;
        this.current = initial;
        this.seen = seen;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "config-file-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Reads and validates the file; it is checked for changes every {@code interval} once started.
     *
     * @throws ConfigException with every error when the file cannot be read or does not validate
     */
    public static ConfigFileWatcher open(Path file, Duration interval) {
        Objects.requireNonNull(file, "file");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the check interval must be positive");
        }
        try {
            // The version is taken before the octets: a change in between is seen by the first check.
            FileVersion version = FileVersion.of(file);
            return new ConfigFileWatcher(file, interval, load(ConfigLoader.readBounded(file)), version);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e, e);
        }
    }

    @Override
    public Optional<LoadedConfig> current() {
        return Optional.of(current);
    }

    @Override
    public Map<String, String> status() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("config.source", file.toString());
        lines.put("config.revision", current.config().revision());
        lines.put("config.age", ConfigAge.of(loadedAt, Clock.systemUTC().instant()));
        return lines;
    }

    @Override
    public void start(Consumer<LoadedConfig> newConfigListener) {
        this.listener = Objects.requireNonNull(newConfigListener, "newConfigListener");
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One check, on the timer thread: the boundary where every failure is logged, never thrown. */
    void check() {
        try {
            FileVersion version = FileVersion.of(file);
            if (version.equals(seen)) {
                return;
            }
            seen = version;
            byte[] document = ConfigLoader.readBounded(file);
            if (Arrays.equals(document, current.document())) {
                return;
            }
            LoadedConfig next = load(document);
            current = next;
            loadedAt = Instant.now();
            LOG.info("configuration file {} changed: revision {} loaded", file, next.config().revision());
            listener.accept(next);
        } catch (ConfigException e) {
            LOG.error("configuration file {} refused, revision {} stays: {} error(s)", file,
                    current.config().revision(), e.errors().size());
            e.errors().forEach(error -> LOG.error("configuration file {}: {}", file, error));
        } catch (IOException e) {
            if (seen != null) {
                LOG.error("cannot read configuration file {}, revision {} stays: {}", file,
                        current.config().revision(), e.toString());
            }
            seen = null;
        } catch (RuntimeException e) {
            LOG.error("checking configuration file {} failed", file, e);
        }
    }

    private static LoadedConfig load(byte[] document) {
        return new LoadedConfig(ConfigLoader.parse(document), document);
    }

    /** What tells a changed file: its modification time, size and identity (a file renamed over it is new). */
    private record FileVersion(FileTime modified, long size, Object fileKey) {
        static FileVersion of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileVersion(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        }
    }
}
