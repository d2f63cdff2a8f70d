package org.portcullis.proxy;

import java.util.Objects;
import java.util.Optional;

/**
 * One way to the backend: through a proxy, or direct; with the discovery step that offered it and where in
 * that step it came from ({@code HTTPS_PROXY}, {@code --proxy}, {@code NO_PROXY}, ...).
 *
 * @param step   the step that offered it
 * @param origin where it came from within the step, for the log; empty when the step says it all
 * @param proxy  the proxy, or null for a direct connection
 */
public record Route(DiscoveryStep step, String origin, ProxyEndpoint proxy) {

    public Route {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(origin, "origin");
    }

    /** A direct route offered by the step. */
    public static Route direct(DiscoveryStep step, String origin) {
        return new Route(step, origin, null);
    }

    /** Whether it goes without a proxy. */
    public boolean isDirect() {
        return proxy == null;
    }

    /** The proxy, if it has one. */
    public Optional<ProxyEndpoint> proxyEndpoint() {
        return Optional.ofNullable(proxy);
    }

    /** Identifies where the connection goes, whichever step offered it: {@code direct} or the proxy's address. */
    public String key() {
        return proxy == null ? "direct" : proxy.address();
    }

    /** Whether both lead the same way (direct, or the same proxy), whatever step offered them. */
    public boolean sameWay(Route other) {
        return proxy == null ? other.proxy == null : other.proxy != null && proxy.sameProxy(other.proxy);
    }

    /** How logs and status show it: {@code flags: 127.0.0.1:3129}, {@code os: HTTPS_PROXY 127.0.0.1:3128}, {@code direct}. */
    @Override
    public String toString() {
        String way = proxy == null ? "direct" : proxy.toString();
        String from = origin.isEmpty() ? way : origin + " " + way;
        return step == DiscoveryStep.DIRECT ? way : step.label() + ": " + from;
    }
}
