package org.portcullis.relay.client.config;

import java.util.function.Consumer;

/**
 * Where relay-client's configuration comes from: a file for now (offline and test mode), the backend later. A
 * source only ever hands out documents that validated; an invalid one is refused whole and the last good one stays.
 */
public interface ConfigSource extends AutoCloseable {

    /** The last good configuration. */
    LoadedConfig current();

    /** Starts watching; {@code listener} gets each new good configuration, off the event loops. */
    void start(Consumer<LoadedConfig> listener);

    /** Stops watching. */
    @Override
    void close();
}
