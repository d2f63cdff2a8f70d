package org.portcullis.proxy.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.proxy.DiscoveryPlan;
import org.portcullis.proxy.ProxyDiscovery;
import org.portcullis.proxy.Route;
import org.portcullis.proxy.Target;

/**
 * Every outbound call of the relay client (configuration pull, CRL URLs, events) through the route discovery
 * chose, with failover (DESIGN.md "Proxy discovery and failover"). The route that answers is kept (sticky)
 * until a call through it fails; then discovery runs again from the top, the failed route held back at the
 * end, and the first route that reaches the backend wins, is stored for {@code db} and explained in one log
 * line. When every route fails, calls fail fast with {@link NoRouteException} until a backoff with jitter
 * has passed. The backend answering with an error (401, 500) is an answer: it never moves the route.
 *
 * <p>One pooled HttpClient 5 classic client underneath (TLS to an https proxy works there), with kept-alive
 * connections replaced after their time-to-live. Thread-safe; no lock is held during I/O.
 */
public final class OutboundClient implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    private static final int MAX_CONNECTIONS_PER_ROUTE = 4;

    private final ProxyDiscovery discovery;
    private final OutboundSettings settings;
    private final Consumer<ProxyAlert> alerts;
    private final Clock clock;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient http;
    private final RouteAttempt attempt;
    private final Map<Target, Route> inUse = new ConcurrentHashMap<>();
    private final Map<Target, FailedRounds> failedRounds = new ConcurrentHashMap<>();
    private volatile Route lastRoute;
    private volatile String lastDecision = "proxy discovery: not run yet";

    /**
     * A client over the discovery's routes.
     *
     * @param alerts told about proxies an operator must fix (besides the ERROR log line)
     * @param clock  the time backoff is measured in (the discovery's hold-back uses its own clock)
     * @throws IOException if the CA file cannot be read
     */
    public OutboundClient(ProxyDiscovery discovery, OutboundSettings settings, Consumer<ProxyAlert> alerts, Clock clock)
            throws IOException {
        this.discovery = discovery;
        this.settings = settings;
        this.alerts = alerts;
        this.clock = clock;
        this.connections = connectionManager(settings);
        RequestConfig defaults = RequestConfig.custom()
                .setProxyPreferredAuthSchemes(List.of(StandardAuthScheme.BASIC))
                .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner(new ChosenRoutePlanner())
                .addExecInterceptorAfter(ChainElement.CONNECT.name(), BackendConnectedMark.NAME, new BackendConnectedMark())
                .setDefaultRequestConfig(defaults)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("Portcullis")
                .build();
        this.attempt = new RouteAttempt(http, defaults, settings.maxBodyBytes());
    }

    /**
     * Sends the request over the route in use, failing over as needed.
     *
     * @return the backend's answer, whatever its status
     * @throws NoRouteException if no route reached the backend (or the backoff after that has not passed)
     * @throws IOException      if the backend's answer was over the body limit
     */
    public OutboundResponse execute(OutboundRequest request) throws IOException {
        Target target = Target.of(request.uri());
        checkBackoff(target);
        StringJoiner story = new StringJoiner("; ", "proxy discovery: ", "");
        Set<String> tried = new HashSet<>();
        Route current = inUse.get(target);
        if (current != null) {
            RouteAttempt.Result result = run(current, target, request);
            if (result.dropped()) {
                // Most likely a kept-alive connection the far end closed while idle: once more on a new one
                // before the route is blamed (a POST may then arrive twice).
                result = run(current, target, request);
            }
            if (result.reachedBackend()) {
                return result.response();
            }
            story.add("in use " + current + " " + outcome(result));
            routeFailed(current, target, result);
            tried.add(current.key());
            // Sockets to the failed route would otherwise linger in the pool (its key includes the proxy).
            connections.closeIdle(TimeValue.ZERO_MILLISECONDS);
        }
        return discover(target, request, story, tried);
    }

    /** Tries the routes of a fresh plan in order (except those already tried) until one reaches the backend. */
    private OutboundResponse discover(Target target, OutboundRequest request, StringJoiner story, Set<String> tried)
            throws IOException {
        for (DiscoveryPlan.Entry entry : discovery.plan(target).entries()) {
            if (entry instanceof DiscoveryPlan.Note note) {
                story.add(note.text());
            } else if (entry instanceof DiscoveryPlan.Candidate candidate && tried.add(candidate.route().key())) {
                RouteAttempt.Result result = run(candidate.route(), target, request);
                story.add(candidate + " " + outcome(result));
                if (result.reachedBackend()) {
                    routeWorked(candidate.route(), target);
                    lastDecision = story.toString();
                    LOG.info("{}", lastDecision);
                    return result.response();
                }
                routeFailed(candidate.route(), target, result);
            }
        }
        Duration wait = allRoutesFailed(target);
        story.add("no route reached " + target + "; next try in " + wait.toMillis() + " ms");
        lastDecision = story.toString();
        LOG.warn("{}", lastDecision);
        throw new NoRouteException(lastDecision, wait);
    }

    /** The route of the most recent call that reached the backend, for status output. */
    public Optional<Route> currentRoute() {
        return Optional.ofNullable(lastRoute);
    }

    /** The log line of the last time discovery ran, for status output: how the route in use was chosen. */
    public String lastDecision() {
        return lastDecision;
    }

    /** The route in use for this backend, if a call has reached it and none has failed since. */
    public Optional<Route> routeInUse(Target target) {
        return Optional.ofNullable(inUse.get(target));
    }

    /** The discovery this client follows. */
    public ProxyDiscovery discovery() {
        return discovery;
    }

    /** Closes the pooled connections. */
    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    private RouteAttempt.Result run(Route route, Target target, OutboundRequest request) throws IOException {
        try {
            return attempt.run(route, target, request);
        } catch (ResponseTooLargeException e) {
            // The backend answered, so the route works; only this answer is unusable.
            routeWorked(route, target);
            throw e;
        }
    }

    private void routeWorked(Route route, Target target) {
        inUse.put(target, route);
        lastRoute = route;
        discovery.succeeded(route, target);
        failedRounds.remove(target);
    }

    private void routeFailed(Route route, Target target, RouteAttempt.Result result) {
        inUse.remove(target, route);
        discovery.failed(route, target);
        if (result.alert() != null) {
            LOG.error("proxy alert: {}", result.alert().message());
            alerts.accept(result.alert());
        }
    }

    private void checkBackoff(Target target) throws NoRouteException {
        FailedRounds failed = failedRounds.get(target);
        Instant now = clock.instant();
        if (failed != null && now.isBefore(failed.nextTry())) {
            Duration left = Duration.between(now, failed.nextTry());
            throw new NoRouteException("proxy discovery: every route to " + target + " failed " + failed.count()
                    + " time(s) in a row; next try in " + left.toMillis() + " ms", left);
        }
    }

    private Duration allRoutesFailed(Target target) {
        FailedRounds failed = failedRounds.compute(target, (key, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            return new FailedRounds(count, clock.instant().plus(settings.retry().delay(count, ThreadLocalRandom.current())));
        });
        return Duration.between(clock.instant(), failed.nextTry());
    }

    /** Rounds in a row in which no route reached a backend, and when the next may start. */
    private record FailedRounds(int count, Instant nextTry) {
    }

    private static String outcome(RouteAttempt.Result result) {
        return (result.reachedBackend() ? "ok" : result.failure()) + " (" + result.took().toMillis() + " ms)";
    }

    private static PoolingHttpClientConnectionManager connectionManager(OutboundSettings settings) throws IOException {
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.socketTimeout()))
                .setTimeToLive(TimeValue.of(settings.connectionTtl()))
                .setValidateAfterInactivity(TimeValue.of(settings.validateAfterIdle()))
                .build();
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(BackendTls.context(settings.trustedCas()))
                        .setTlsVersions(TLS.V_1_3, TLS.V_1_2)
                        .buildClassic())
                .setDefaultConnectionConfig(connection)
                .setDefaultSocketConfig(SocketConfig.custom()
                        .setSoTimeout(Timeout.of(settings.socketTimeout()))
                        .setTcpNoDelay(true)
                        .build())
                .setConnPoolPolicy(PoolReusePolicy.LIFO)
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_ROUTE)
                .setMaxConnTotal(4 * MAX_CONNECTIONS_PER_ROUTE)
                .build();
    }
}
