package org.portcullis.relay.client.config;

import java.time.Duration;
import java.time.Instant;

/** How status shows the age of the configuration in use: whole seconds since it arrived, {@code 42s}. */
public final class ConfigAge {
    private ConfigAge() {
    }

    /** The time from {@code since} to {@code now} as {@code <seconds>s} (never negative). */
    public static String of(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toSeconds()) + "s";
    }
}
