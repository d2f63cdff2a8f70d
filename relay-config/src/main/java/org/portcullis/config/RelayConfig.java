package org.portcullis.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration document of the relay, version {@value #SCHEMA_VERSION}: everything relay-server needs,
 * served by the backend, pushed by relay-client over the link, validated whole by {@link ConfigLoader}.
 * Field by field in docs/configuration.md.
 *
 * @param schemaVersion the document format, must be {@value #SCHEMA_VERSION}
 * @param revision free text the backend sets (a timestamp, a serial) and status shows
 * @param listeners the public OFTP2-over-TLS listeners, at least one
 * @param serverIdentity the certificate and key relay-server presents to partners
 * @param trust the CAs partner certificates chain to, and their CRLs
 * @param partners the partners allowed to start sessions
 * @param inside the inside OFTP2 daemon relay-client connects to
 * @param routes the outgoing routes
 * @param outgoing how outgoing sessions are originated
 * @param timeouts time limits per session phase
 * @param limits session and connection-rate limits
 */
public record RelayConfig(int schemaVersion, String revision, List<ListenerConfig> listeners,
                          TlsIdentity serverIdentity, TrustConfig trust, List<PartnerConfig> partners,
                          InsideConfig inside, List<RouteConfig> routes, OutgoingConfig outgoing,
                          TimeoutConfig timeouts, LimitConfig limits) {
    /** The only document version this relay reads. */
    public static final int SCHEMA_VERSION = 1;

    /** Copies the lists; checks that the required parts are present (the loader checks the rest). */
    public RelayConfig {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION);
        }
        Objects.requireNonNull(revision, "revision");
        listeners = List.copyOf(listeners);
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("at least one listener is required");
        }
        Objects.requireNonNull(serverIdentity, "serverIdentity");
        trust = trust == null ? TrustConfig.empty() : trust;
        partners = partners == null ? List.of() : List.copyOf(partners);
        Objects.requireNonNull(inside, "inside");
        routes = routes == null ? List.of() : List.copyOf(routes);
        outgoing = outgoing == null ? OutgoingConfig.defaults() : outgoing;
        timeouts = timeouts == null ? TimeoutConfig.defaults() : timeouts;
        limits = limits == null ? LimitConfig.defaults() : limits;
    }

    /**
     * A configuration with the given essentials and every other section empty or at its defaults: no partners,
     * no routes, no trust. Build on it with the {@code with...} methods; {@link ConfigLoader#validate} checks
     * the result as a received document would be.
     */
    public static RelayConfig of(String revision, List<ListenerConfig> listeners, TlsIdentity serverIdentity,
                                 InsideConfig inside) {
        return new RelayConfig(SCHEMA_VERSION, revision, listeners, serverIdentity, TrustConfig.empty(), List.of(),
                inside, List.of(), OutgoingConfig.defaults(), TimeoutConfig.defaults(), LimitConfig.defaults());
    }

    /** This configuration with another revision. */
    public RelayConfig withRevision(String newRevision) {
        return new RelayConfig(schemaVersion, newRevision, listeners, serverIdentity, trust, partners, inside, routes,
                outgoing, timeouts, limits);
    }

    /** This configuration with other listeners. */
    public RelayConfig withListeners(List<ListenerConfig> newListeners) {
        return new RelayConfig(schemaVersion, revision, newListeners, serverIdentity, trust, partners, inside, routes,
                outgoing, timeouts, limits);
    }

    /** This configuration with another server identity. */
    public RelayConfig withServerIdentity(TlsIdentity newServerIdentity) {
        return new RelayConfig(schemaVersion, revision, listeners, newServerIdentity, trust, partners, inside, routes,
                outgoing, timeouts, limits);
    }

    /** This configuration with other trust. */
    public RelayConfig withTrust(TrustConfig newTrust) {
        return new RelayConfig(schemaVersion, revision, listeners, serverIdentity, newTrust, partners, inside, routes,
                outgoing, timeouts, limits);
    }

    /** This configuration with other partners. */
    public RelayConfig withPartners(List<PartnerConfig> newPartners) {
        return new RelayConfig(schemaVersion, revision, listeners, serverIdentity, trust, newPartners, inside, routes,
                outgoing, timeouts, limits);
    }

    /** This configuration with another inside daemon. */
    public RelayConfig withInside(InsideConfig newInside) {
        return new RelayConfig(schemaVersion, revision, listeners, serverIdentity, trust, partners, newInside, routes,
                outgoing, timeouts, limits);
    }

    /** This configuration with other routes. */
    public RelayConfig withRoutes(List<RouteConfig> newRoutes) {
        return new RelayConfig(schemaVersion, revision, listeners, serverIdentity, trust, partners, inside, newRoutes,
                outgoing, timeouts, limits);
    }

    /** This configuration with other outgoing settings. */
    public RelayConfig withOutgoing(OutgoingConfig newOutgoing) {
        return new RelayConfig(schemaVersion, revision, listeners, serverIdentity, trust, partners, inside, routes,
                newOutgoing, timeouts, limits);
    }

    /** This configuration with other timeouts. */
    public RelayConfig withTimeouts(TimeoutConfig newTimeouts) {
        return new RelayConfig(schemaVersion, revision, listeners, serverIdentity, trust, partners, inside, routes,
                outgoing, newTimeouts, limits);
    }

    /** This configuration with other limits. */
    public RelayConfig withLimits(LimitConfig newLimits) {
        return new RelayConfig(schemaVersion, revision, listeners, serverIdentity, trust, partners, inside, routes,
                outgoing, timeouts, newLimits);
    }

    /** The partner with this Odette ID. */
    public Optional<PartnerConfig> partner(String odetteId) {
        return partners.stream().filter(partner -> partner.odetteId().equals(odetteId)).findFirst();
    }

    /** The route with this name. */
    public Optional<RouteConfig> route(String name) {
        return routes.stream().filter(route -> route.name().equals(name)).findFirst();
    }
}
