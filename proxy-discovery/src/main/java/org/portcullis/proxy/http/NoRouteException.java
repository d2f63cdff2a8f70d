package org.portcullis.proxy.http;

import java.io.IOException;
import java.time.Duration;

/** Every route to the backend failed (or the client is still waiting after such a round); try again later. */
public final class NoRouteException extends IOException {
    private final Duration retryAfter;

    NoRouteException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long until the client tries the routes again; a call before then fails at once. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
