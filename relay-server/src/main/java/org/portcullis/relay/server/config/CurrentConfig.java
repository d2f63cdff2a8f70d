package org.portcullis.relay.server.config;

import java.util.Optional;

/** The configuration in force, replaced whole when a new one is applied. Thread-safe. */
public final class CurrentConfig {
    private volatile ActiveConfig active;

    /** The configuration in force, empty until relay-client sent the first one. */
    public Optional<ActiveConfig> get() {
        return Optional.ofNullable(active);
    }

    void set(ActiveConfig config) {
        this.active = config;
    }
}
