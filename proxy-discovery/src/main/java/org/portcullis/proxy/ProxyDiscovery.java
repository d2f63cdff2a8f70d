package org.portcullis.proxy;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Ordered proxy discovery (DESIGN.md "Proxy discovery and failover"): builds, for a backend, the list of
 * routes to try from the steps {@code db}, {@code os}, {@code flags} and {@code direct} in the configured
 * order, each distinct route once, with the routes that failed recently held back at the end; remembers the
 * route that worked for the {@code db} step. It opens no connection itself: {@code OutboundClient} tries the
 * routes and reports back through {@link #succeeded} and {@link #failed}. Thread-safe.
 */
public final class ProxyDiscovery {
    private static final Logger LOG = LogManager.getLogger();

    private final DiscoverySettings settings;
    private final Clock clock;
    private final RouteStore store;
    private final Map<String, Instant> heldBackUntil = new ConcurrentHashMap<>();

    public ProxyDiscovery(DiscoverySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.store = settings.stateFile() == null ? null : new RouteStore(settings.stateFile());
    }

    /** The settings it runs with. */
    public DiscoverySettings settings() {
        return settings;
    }

    /** The routes to try for this backend, in order, with notes on the steps that offered none. */
    public DiscoveryPlan plan(Target target) {
        if (!settings.enabled()) {
            return new DiscoveryPlan(List.of(new DiscoveryPlan.Note("discovery off"),
                    new DiscoveryPlan.Candidate(Route.direct(DiscoveryStep.DIRECT, ""), false)));
        }
        List<DiscoveryPlan.Entry> entries = new ArrayList<>();
        List<Route> offered = new ArrayList<>();
        List<Route> heldBack = new ArrayList<>();
        Instant now = clock.instant();
        for (DiscoveryStep step : settings.order()) {
            StepOffer offer = offer(step, target);
            offer.notes().forEach(note -> entries.add(new DiscoveryPlan.Note(note)));
            for (Route route : offer.routes()) {
                if (Stream.concat(offered.stream(), heldBack.stream()).anyMatch(route::sameWay)) {
                    continue;
                }
                if (isHeldBack(route, target, now)) {
                    heldBack.add(route);
                } else {
                    offered.add(route);
                    entries.add(new DiscoveryPlan.Candidate(route, false));
                }
            }
        }
        heldBack.forEach(route -> entries.add(new DiscoveryPlan.Candidate(route, true)));
        return new DiscoveryPlan(entries);
    }

    /** Records that the route reached the backend: it is no longer held back and becomes the {@code db} route. */
    public void succeeded(Route route, Target target) {
        heldBackUntil.remove(holdKey(route, target));
        if (store == null) {
            return;
        }
        try {
            Optional<RouteStore.Stored> stored = store.read();
            boolean same = stored.isPresent() && stored.get().target().equals(target.authority())
                    && sameProxy(stored.get().proxy(), route.proxy());
            if (!same) {
                store.write(target, route, clock.instant());
            }
        } catch (IOException e) {
            LOG.warn("proxy discovery: cannot keep the route in {}: {}", store, e.getMessage());
        }
    }

    /** Records that the route failed to reach this backend: it goes to the end of the list for the hold-back time. */
    public void failed(Route route, Target target) {
        heldBackUntil.put(holdKey(route, target), clock.instant().plus(settings.holdBack()));
    }

    /** The route the {@code db} step would offer for this backend, if any (for status output). */
    public Optional<Route> storedRoute(Target target) {
        if (store == null) {
            return Optional.empty();
        }
        try {
            return store.read().filter(stored -> stored.target().equals(target.authority()))
                    .map(stored -> new Route(DiscoveryStep.DB, "", withCredentials(stored.proxy())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private StepOffer offer(DiscoveryStep step, Target target) {
        boolean directAllowed = settings.order().contains(DiscoveryStep.DIRECT);
        return switch (step) {
            case DB -> dbOffer(target, directAllowed);
            case OS -> EnvironmentStep.offer(settings.environment(), target, directAllowed);
            case FLAGS -> settings.proxies().isEmpty() ? StepOffer.note("flags: none")
                    : new StepOffer(settings.proxies().stream().map(p -> new Route(DiscoveryStep.FLAGS, "", p)).toList(),
                            List.of());
            case DIRECT -> StepOffer.of(Route.direct(DiscoveryStep.DIRECT, ""));
        };
    }

    private StepOffer dbOffer(Target target, boolean directAllowed) {
        if (store == null) {
            return StepOffer.note("db: no state file");
        }
        Optional<RouteStore.Stored> stored;
        try {
            stored = store.read();
        } catch (IOException e) {
            return StepOffer.note("db unreadable (" + e.getMessage() + ")");
        }
        if (stored.isEmpty() || !stored.get().target().equals(target.authority())) {
            return StepOffer.note("db miss");
        }
        if (stored.get().proxy() == null && !directAllowed) {
            return StepOffer.note("db: direct, which is not allowed");
        }
        return StepOffer.of(new Route(DiscoveryStep.DB, "", withCredentials(stored.get().proxy())));
    }

    /** The stored proxy with the credentials of the configured proxy at the same address, if there is one. */
    private ProxyEndpoint withCredentials(ProxyEndpoint stored) {
        if (stored == null) {
            return null;
        }
        Stream<ProxyEndpoint> fromEnvironment = EnvironmentStep.proxyRoutes(settings.environment(), true,
                new ArrayList<>()).stream().map(Route::proxy);
        return Stream.concat(settings.proxies().stream(), fromEnvironment)
                .filter(proxy -> proxy.sameProxy(stored))
                .findFirst().orElse(stored);
    }

    private boolean isHeldBack(Route route, Target target, Instant now) {
        Instant until = heldBackUntil.get(holdKey(route, target));
        return until != null && now.isBefore(until);
    }

    private static String holdKey(Route route, Target target) {
        return target.authority() + " " + route.key();
    }

    private static boolean sameProxy(ProxyEndpoint a, ProxyEndpoint b) {
        return a == null ? b == null : b != null && a.sameProxy(b);
    }
}
