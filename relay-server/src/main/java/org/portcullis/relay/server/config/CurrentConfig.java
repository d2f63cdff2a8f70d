package org.portcullis.relay.server.config;

import java.time.Instant;
import java.util.Optional;

/** The configuration in force, replaced whole when a new one is applied. Thread-safe. */
public final class CurrentConfig {
    /** A configuration and when it took effect. */
    private record Applied(ActiveConfig config, Instant at) {
    }

    private volatile Applied active;

    /** The configuration in force, empty until relay-client sent the first one. */
    public Optional<ActiveConfig> get() {
        Applied now = active;
        return now == null ? Optional.empty() : Optional.of(now.config());
    }

    /** When the configuration in force took effect; empty before the first one. */
    public Optional<Instant> appliedAt() {
        Applied now = active;
        return now == null ? Optional.empty() : Optional.of(now.at());
    }

    void set(ActiveConfig config) {
        this.active = new Applied(config, Instant.now());
    }
}
