package org.portcullis.relay.client.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.portcullis.config.ConfigLoader;
import org.portcullis.proxy.DiscoverySettings;
import org.portcullis.proxy.DiscoveryStep;
import org.portcullis.proxy.http.OutboundSettings;
import org.portcullis.proxy.http.RetryBackoff;
import org.portcullis.relay.client.ClientTestSetup;
import org.portcullis.relay.client.RelayClient;
import org.portcullis.relay.client.cli.Token;

/** Backend settings with the timings shrunk for tests, and a relay-client that pulls with them. */
final class TestPull {
    /** How long a test waits for anything the pull does. */
    static final Duration WAIT = Duration.ofSeconds(15);
    /** Retries come fast in tests. */
    static final RetryBackoff FAST_RETRY = new RetryBackoff(Duration.ofMillis(100), Duration.ofMillis(500), 0.2);
    /** The relay name events carry. */
    static final String RELAY = "relay.test";

    private TestPull() {
    }

    /**
     * Direct to the backend at {@code url}, trusting the test CA; plain polls every 200 ms, long polls of 2 s;
     * the environment's proxies are not looked at; an answer over the document limit is cut, as relay-client's
     * options have it.
     */
    static BackendSettings settings(String url, String token, Path ca) {
        DiscoverySettings direct = DiscoverySettings.defaults(List.of(), Map.of(), null)
                .withOrder(List.of(DiscoveryStep.DIRECT));
        OutboundSettings outbound = OutboundSettings.defaults(ca)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withRetry(FAST_RETRY)
                .withMaxBodyBytes(ConfigLoader.MAX_DOCUMENT_BYTES);
        return new BackendSettings(BackendEndpoints.of(URI.create(url)), Token.parse(token), Duration.ofMillis(200),
                Duration.ofSeconds(2), direct, outbound, BackendSettings.DEFAULT_REPORT_QUEUE, RELAY);
    }

    /** The backend's client for these settings. */
    static Backend backend(BackendSettings settings) {
        try {
            return Backend.open(settings, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A relay-client for relay-server at {@code server} that pulls from {@code backend}; not yet started. */
    static RelayClient client(ClientTestSetup setup, InetSocketAddress server, Backend backend) {
        return new RelayClient(setup.settings(server), backend, backend);
    }
}
