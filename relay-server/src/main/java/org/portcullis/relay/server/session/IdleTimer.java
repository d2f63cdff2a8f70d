package org.portcullis.relay.server.session;

import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The {@code idle} step of a partner's connection, incoming or outgoing: an event once nothing was read or written
 * for the configuration's {@code timeouts.idle}, on which {@link SessionErrorHandler} ends the session.
 */
public final class IdleTimer {
    /** Its name in the pipeline. */
    public static final String NAME = "idle";

    private IdleTimer() {
    }

    /** A new timer for {@code idle} of neither reading nor writing. */
    public static IdleStateHandler of(Duration idle) {
        return new IdleStateHandler(0, 0, idle.toMillis(), TimeUnit.MILLISECONDS);
    }
}
