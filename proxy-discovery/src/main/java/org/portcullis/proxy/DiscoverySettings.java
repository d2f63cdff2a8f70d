package org.portcullis.proxy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How proxy discovery runs.
 *
 * @param enabled     false means direct only ({@code --proxy-discovery=false}), whatever the order says
 * @param order       the steps in the order they are tried, default {@link DiscoveryStep#DEFAULT_ORDER}
 *                    ({@code --proxy-discovery-order})
 * @param proxies     the {@code flags} step's proxies in their order ({@code --proxy}), may be empty
 * @param environment the process environment the {@code os} step reads (pass {@code System.getenv()})
 * @param stateFile   where the {@code db} step keeps the route that last worked, or null for no such file
 * @param holdBack    how long a route that failed stays at the end of the list, default 5 minutes
 */
public record DiscoverySettings(boolean enabled, List<DiscoveryStep> order, List<ProxyEndpoint> proxies,
        Map<String, String> environment, Path stateFile, Duration holdBack) {
    /** How long a failed route is held back by default (Chromium holds a bad proxy for 5 minutes). */
    public static final Duration DEFAULT_HOLD_BACK = Duration.ofMinutes(5);

    public DiscoverySettings {
        order = List.copyOf(order);
        proxies = List.copyOf(proxies);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(holdBack, "holdBack");
        if (order.isEmpty()) {
            throw new IllegalArgumentException("the proxy discovery order names no step");
        }
        if (holdBack.isNegative()) {
            throw new IllegalArgumentException("the hold-back time must not be negative");
        }
    }

    /** Discovery on, in the default order, with these proxies, environment and state file. */
    public static DiscoverySettings defaults(List<ProxyEndpoint> proxies, Map<String, String> environment,
            Path stateFile) {
        return new DiscoverySettings(true, DiscoveryStep.DEFAULT_ORDER, proxies, environment, stateFile,
                DEFAULT_HOLD_BACK);
    }

    /** The same with another order. */
    public DiscoverySettings withOrder(List<DiscoveryStep> newOrder) {
        return new DiscoverySettings(enabled, newOrder, proxies, environment, stateFile, holdBack);
    }

    /** The same with discovery switched on or off. */
    public DiscoverySettings withEnabled(boolean on) {
        return new DiscoverySettings(on, order, proxies, environment, stateFile, holdBack);
    }

    /** The same with another state file (null for none). */
    public DiscoverySettings withStateFile(Path file) {
        return new DiscoverySettings(enabled, order, proxies, environment, file, holdBack);
    }

    /** The same with another hold-back time. */
    public DiscoverySettings withHoldBack(Duration time) {
        return new DiscoverySettings(enabled, order, proxies, environment, stateFile, time);
    }

    /**
     * Parses the {@code --proxy} list: proxy URIs separated by commas (a comma inside credentials is written
     * {@code %2C}).
     *
     * @throws IllegalArgumentException naming the first entry that is not a proxy URI (credentials left out)
     */
    public static List<ProxyEndpoint> parseProxies(String commaList) {
        List<ProxyEndpoint> proxies = new ArrayList<>();
        for (String entry : commaList.split(",")) {
            if (!entry.isBlank()) {
                proxies.add(ProxyEndpoint.parse(entry));
            }
        }
        return List.copyOf(proxies);
    }

    /** The environment may hold secrets (proxy credentials among them), so it stays out of the text. */
    @Override
    public String toString() {
        return "DiscoverySettings[enabled=" + enabled + ", order=" + order + ", proxies=" + proxies
                + ", stateFile=" + stateFile + ", holdBack=" + holdBack + "]";
    }
}
