package org.portcullis.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.portcullis.proxy.env.NoProxyRules;

/**
 * The {@code os} step on Linux: proxies from the environment as curl reads it (PROXIES.md §1.5), with
 * {@code NO_PROXY} honoured. For an https target it offers {@code https_proxy}, then {@code HTTPS_PROXY}, then
 * (beyond curl, which never uses the http proxy for https) {@code http_proxy}, {@code HTTP_PROXY}, and finally
 * {@code all_proxy}/{@code ALL_PROXY}; each distinct proxy once. When {@code NO_PROXY} exempts the target it
 * offers a direct route instead, if direct is allowed at all.
 */
final class EnvironmentStep {
    private static final List<String> HTTPS_VARIABLES = List.of("https_proxy", "HTTPS_PROXY", "http_proxy",
            "HTTP_PROXY", "all_proxy", "ALL_PROXY");
    private static final List<String> HTTP_VARIABLES = List.of("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY");

    private EnvironmentStep() {
    }

    static StepOffer offer(Map<String, String> environment, Target target, boolean directAllowed) {
        List<String> notes = new ArrayList<>();
        List<Route> routes = proxyRoutes(environment, target.secure(), notes);
        if (routes.isEmpty()) {
            notes.add("os: no proxy set");
            return new StepOffer(routes, notes);
        }
        String noProxyVariable = environment.containsKey("no_proxy") ? "no_proxy" : "NO_PROXY";
        NoProxyRules noProxy = NoProxyRules.parse(environment.get(noProxyVariable));
        if (!noProxy.bypasses(target.host(), target.port())) {
            return new StepOffer(routes, notes);
        }
        if (!directAllowed) {
            notes.add("os: " + noProxyVariable + " exempts " + target.host() + " but direct is not allowed");
            return new StepOffer(List.of(), notes);
        }
        return new StepOffer(List.of(Route.direct(DiscoveryStep.OS, noProxyVariable)), notes);
    }

    /** The distinct proxies the environment names for an https (or http) target, NO_PROXY aside. */
    static List<Route> proxyRoutes(Map<String, String> environment, boolean secure, List<String> notes) {
        List<Route> routes = new ArrayList<>();
        for (String variable : secure ? HTTPS_VARIABLES : HTTP_VARIABLES) {
            String value = environment.get(variable);
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                Route route = new Route(DiscoveryStep.OS, variable, ProxyEndpoint.parse(value));
                if (routes.stream().noneMatch(route::sameWay)) {
                    routes.add(route);
                }
            } catch (IllegalArgumentException e) {
                notes.add("os: " + variable + " unusable (" + e.getMessage() + ")");
            }
        }
        return routes;
    }
}
