package org.portcullis.relay.client.backend;

import java.time.Duration;
import java.util.Objects;
import org.portcullis.proxy.DiscoverySettings;
import org.portcullis.proxy.http.OutboundSettings;
import org.portcullis.relay.client.cli.Token;

/**
 * How relay-client talks to the backend (DESIGN.md "Configuration pull", "Proxy discovery and failover").
 *
 * @param endpoints    the backend's URIs, from {@code -U}
 * @param token        the backend token ({@code -T}); sent as {@code Authorization: Bearer}, never logged
 * @param pollInterval the time from one poll to the next when the backend does not hold the request, and after a
 *                     failed poll without a hint from the backend; default 60 s ({@code --poll-interval})
 * @param longPollWait how long the backend is asked to hold an unchanged answer ({@code ?wait=}); the polls then
 *                     follow each other back to back; default 55 s, zero for plain polls ({@code --long-poll})
 * @param discovery    proxy discovery ({@code --proxy-discovery}, {@code --proxy-discovery-order}, {@code --proxy},
 *                     {@code --state-file}, the environment)
 * @param outbound     timeouts, the connection's time-to-live (default 3600 s, {@code --connection-ttl}), the
 *                     backend's CA file ({@code --backend-ca}, else the system trust store), the retry backoff
 * @param reportQueue  CRL URL and event reports held at most while the backend cannot be reached, default
 *                     {@value #DEFAULT_REPORT_QUEUE}; more are dropped, counted and logged
 * @param relayName    the {@code relay} field of the events sent (relay-server's host as {@code -S} names it)
 */
public record BackendSettings(BackendEndpoints endpoints, Token token, Duration pollInterval, Duration longPollWait,
        DiscoverySettings discovery, OutboundSettings outbound, int reportQueue, String relayName) {
    /** The default time between polls. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);
    /** The default long-poll wait: under the backend's limit of 60 s. */
    public static final Duration DEFAULT_LONG_POLL_WAIT = Duration.ofSeconds(55);
    /** The default size of the report queue. */
    public static final int DEFAULT_REPORT_QUEUE = 1000;

    public BackendSettings {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(outbound, "outbound");
        Objects.requireNonNull(relayName, "relayName");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive");
        }
        if (longPollWait.isNegative()) {
            throw new IllegalArgumentException("the long-poll wait must not be negative");
        }
        if (reportQueue < 1) {
            throw new IllegalArgumentException("the report queue must hold at least one report");
        }
    }

    /** The same with other poll timings (tests shrink them). */
    public BackendSettings withPolling(Duration interval, Duration wait) {
        return new BackendSettings(endpoints, token, interval, wait, discovery, outbound, reportQueue, relayName);
    }

    /** The same with another report queue size. */
    public BackendSettings withReportQueue(int size) {
        return new BackendSettings(endpoints, token, pollInterval, longPollWait, discovery, outbound, size, relayName);
    }

    /** The same with other outbound settings. */
    public BackendSettings withOutbound(OutboundSettings settings) {
        return new BackendSettings(endpoints, token, pollInterval, longPollWait, discovery, settings, reportQueue,
                relayName);
    }
}
