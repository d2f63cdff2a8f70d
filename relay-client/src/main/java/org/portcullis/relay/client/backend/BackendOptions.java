package org.portcullis.relay.client.backend;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.portcullis.proxy.DiscoverySettings;
import org.portcullis.proxy.DiscoveryStep;
import org.portcullis.proxy.ProxyEndpoint;
import org.portcullis.config.ConfigLoader;
import org.portcullis.proxy.http.OutboundSettings;
import org.portcullis.proxy.http.RetryBackoff;
import org.portcullis.relay.client.cli.Token;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** relay-client's options of the configuration pull and of proxy discovery (docs/relay-client.md), a picocli mixin. */
public final class BackendOptions {
    /** Where the {@code db} step keeps the route that last worked, unless {@code --state-file} says otherwise. */
    public static final String DEFAULT_STATE_FILE = "/var/lib/portcullis/relay-client/proxy-route.properties";

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "time between configuration polls when the backend does not hold a long poll, and after "
                    + "a failed one (default: ${DEFAULT-VALUE})")
    private Duration pollInterval;

    @Option(names = "--long-poll", paramLabel = "DURATION", defaultValue = "55s", converter = DurationConverter.class,
            description = "how long the backend may hold an unchanged poll (?wait=), so a change arrives at once; "
                    + "0 for plain polls (default: ${DEFAULT-VALUE})")
    private Duration longPollWait;

    @Option(names = "--connection-ttl", paramLabel = "DURATION", defaultValue = "3600s",
            converter = DurationConverter.class,
            description = "how long a kept-alive connection to the backend is reused (default: ${DEFAULT-VALUE})")
    private Duration connectionTtl;

    @Option(names = "--backend-ca", paramLabel = "PEM",
            description = "the CA certificates the backend's certificate must chain to (default: the system's)")
    private Path backendCa;

    @Option(names = "--proxy-discovery", paramLabel = "true|false", arity = "1", defaultValue = "true",
            description = "false: always connect to the backend directly (default: ${DEFAULT-VALUE})")
    private boolean proxyDiscovery;

    @Option(names = "--proxy-discovery-order", paramLabel = "STEPS", defaultValue = "db,os,flags,direct",
            description = "the discovery steps in order, from db, os, flags, direct; leave direct out to forbid it "
                    + "(default: ${DEFAULT-VALUE})")
    private String order;

    @Option(names = "--proxy", paramLabel = "URL[,URL...]",
            description = "the flags step's proxies in order: http://[user:password@]host[:port] or https://... "
                    + "(TLS to the proxy); a comma in a password is %%2C")
    private String proxies = "";

    @Option(names = "--state-file", paramLabel = "FILE", defaultValue = DEFAULT_STATE_FILE,
            description = "where the db step keeps the route that last reached the backend (default: "
                    + "${DEFAULT-VALUE})")
    private Path stateFile;

    /**
     * The settings of these options for the backend of {@code -U} and the token of {@code -T}.
     *
     * @param relayName   the {@code relay} of the events sent
     * @param environment the process environment, for the {@code os} step
     * @throws IllegalArgumentException naming the option whose value is wrong (never with a proxy's credentials)
     */
    public BackendSettings settings(URI url, Token token, String relayName, Map<String, String> environment) {
        List<DiscoveryStep> steps = option("--proxy-discovery-order", () -> DiscoveryStep.parseOrder(order));
        List<ProxyEndpoint> flagProxies = option("--proxy", () -> DiscoverySettings.parseProxies(proxies));
        DiscoverySettings discovery = DiscoverySettings.defaults(flagProxies, environment, stateFile)
                .withOrder(steps).withEnabled(proxyDiscovery);
        if (connectionTtl.isZero() || pollInterval.isZero()) {
            throw new IllegalArgumentException("--connection-ttl and --poll-interval must be positive");
        }
        // Retries after failed rounds never wait longer than a poll would: after a long outage the next pull comes
        // at most one poll interval after the backend is back (proxy discovery's own cap is 5 minutes). The
        // configuration document is the largest answer: one over its limit is cut while it is read.
        OutboundSettings outbound = OutboundSettings.defaults(backendCa).withConnectionTtl(connectionTtl)
                .withRetry(RetryBackoff.defaults().cappedAt(pollInterval))
                .withMaxBodyBytes(ConfigLoader.MAX_DOCUMENT_BYTES);
        BackendEndpoints endpoints = option("-U", () -> BackendEndpoints.of(url));
        return new BackendSettings(endpoints, token, pollInterval, longPollWait, discovery, outbound,
                BackendSettings.DEFAULT_REPORT_QUEUE, relayName);
    }

    private static <T> T option(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for option '" + name + "': " + e.getMessage(), e);
        }
    }
}
