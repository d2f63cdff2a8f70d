package org.portcullis.relay.client.backend;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.ControlMessage;
import org.portcullis.proxy.DiscoveryStep;
import org.portcullis.proxy.ProxyDiscovery;
import org.portcullis.proxy.Route;
import org.portcullis.proxy.http.OutboundClient;
import org.portcullis.proxy.http.ProxyAlert;
import org.portcullis.relay.client.config.ConfigSource;
import org.portcullis.relay.client.config.LoadedConfig;

/**
 * relay-client's side of the backend (DESIGN.md "Configuration pull", "Proxy discovery and failover"): the
 * configuration pulled from it ({@link ConfigSource}) and what relay-server reports sent to it (CRL URLs and
 * events, taken as the link's control messages), every call over one {@link OutboundClient}, so through proxy
 * discovery and one pool of kept-alive connections. relay-client's own alerts (a proxy that refused us, a
 * configuration refused as invalid) go to the backend as events too.
 */
public final class Backend implements ConfigSource, Consumer<ControlMessage> {
    private static final Logger LOG = LogManager.getLogger();

    private final BackendSettings settings;
    private final Clock clock;
    private final OutboundClient client;
    private final BackendConfigSource config;
    private final ReportQueue queue;
    private final Reports reports;

    private Backend(BackendSettings settings, Clock clock) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.reports = new Reports(settings.endpoints(), settings.relayName());
        this.client = new OutboundClient(new ProxyDiscovery(settings.discovery(), clock), settings.outbound(),
                this::proxyAlert, clock);
        BackendApi api = new BackendApi(settings.endpoints(), settings.token(), client,
                settings.outbound().socketTimeout());
        this.queue = new ReportQueue(api, settings.reportQueue(), settings.outbound().retry());
        this.config = new BackendConfigSource(api, new PollPacing(settings.pollInterval(), settings.longPollWait()),
                clock, refusal -> queue.offer(reports.ownEvent("ERROR", refusal, clock.instant())));
    }

    /**
     * The backend's client, not yet polling (see {@link #start}).
     *
     * @throws IOException if the backend's CA file cannot be read
     */
    public static Backend open(BackendSettings settings, Clock clock) throws IOException {
        return new Backend(settings, clock);
    }

    @Override
    public Optional<LoadedConfig> current() {
        return config.current();
    }

    @Override
    public void start(Consumer<LoadedConfig> listener) {
        LOG.info("configuration from {}: {}, else every {} ms; the connection renewed every {} s; proxy discovery {}",
                settings.endpoints().display(), settings.longPollWait().isZero() ? "no long polls"
                        : "long polls of " + settings.longPollWait().toMillis() + " ms",
                settings.pollInterval().toMillis(), settings.outbound().connectionTtl().toSeconds(),
                settings.discovery().enabled() ? settings.discovery().order().stream().map(DiscoveryStep::label)
                        .collect(Collectors.joining(",")) + ", --proxy " + settings.discovery().proxies()
                        : "off (direct only)");
        config.start(listener);
    }

    /** Takes relay-server's CRL_URLS and EVENT messages for the backend; never blocks (the link's event loop). */
    @Override
    public void accept(ControlMessage message) {
        switch (message.type()) {
            case CRL_URLS -> {
                try {
                    reports.crlUrls(message.body()).forEach(queue::offer);
                } catch (IllegalArgumentException e) {
                    LOG.warn("relay-server's CRL_URLS message not understood ({}); not sent to the backend",
                            e.getMessage());
                }
            }
            case EVENT -> queue.offer(reports.serverEvent(message.body(), clock.instant()));
            default -> LOG.debug("{} is not for the backend", message.type());
        }
    }

    /**
     * Status lines: the configuration (source, revision, age, polls), the route to the backend in use and how
     * discovery chose it, and the reports (waiting, delivered, dropped, refused).
     */
    @Override
    public Map<String, String> status() {
        Map<String, String> lines = new LinkedHashMap<>(config.status());
        lines.put("backend.route", client.currentRoute().map(Route::toString).orElse("none yet"));
        lines.put("backend.discovery", client.lastDecision());
        lines.putAll(queue.status());
        return lines;
    }

    /** The route of the last call that reached the backend. */
    public Optional<Route> currentRoute() {
        return client.currentRoute();
    }

    /** Stops polling and sending, then closes the connections (which ends a long poll under way). */
    @Override
    public void close() {
        config.close();
        queue.close();
        client.close();
    }

    /** The polls so far, for tests. */
    PollCounts pollCounts() {
        return config.counts();
    }

    /** The report queue, for tests. */
    ReportQueue reportQueue() {
        return queue;
    }

    /** A proxy refused us: the backend hears of it through the route that works (OutboundClient logged it). */
    private void proxyAlert(ProxyAlert alert) {
        queue.offer(reports.ownEvent("ERROR", "relay-client: " + alert.message(), clock.instant()));
    }
}
