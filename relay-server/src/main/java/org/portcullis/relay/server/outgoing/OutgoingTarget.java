package org.portcullis.relay.server.outgoing;

import java.time.Instant;
import org.portcullis.config.RouteConfig;
import org.portcullis.relay.server.config.ActiveConfig;

/**
 * Where an outgoing session goes, under the configuration in force when it started.
 *
 * @param active    the configuration
 * @param route     the route the inside daemon's connection came in on
 * @param requested when relay-client asked for the session
 */
record OutgoingTarget(ActiveConfig active, RouteConfig route, Instant requested) {
}
