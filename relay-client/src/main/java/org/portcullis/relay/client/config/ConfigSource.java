package org.portcullis.relay.client.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where relay-client's configuration comes from: a file ({@code --config-file}, offline and test mode) or the
 * backend ({@code -U}, {@code -T}). A source only ever hands out documents that validated; an invalid one is
 * refused whole and the last good one stays.
 */
public interface ConfigSource extends AutoCloseable {

    /** The last good configuration; empty until the first one arrived (a backend not reached yet). */
    Optional<LoadedConfig> current();

    /** Starts watching; {@code listener} gets each new good configuration, off the event loops. */
    void start(Consumer<LoadedConfig> listener);

    /** Status lines, name to value in order: where the configuration comes from, its revision and age. */
    Map<String, String> status();

    /** Stops watching. */
    @Override
    void close();
}
