package org.portcullis.config;

import java.util.List;
import org.portcullis.proxy.host.HostAllowList;

/**
 * How relay-server originates outgoing sessions to partners.
 *
 * @param sourceAddress the local IP literal outgoing connections are made from, or null for any local address;
 *                      relay-server refuses to use an address that is not one of its own
 * @param clientIdentity the TLS client certificate and key presented to partners, or null to present the
 *                       server identity
 * @param allowedHosts the hosts outgoing routes may connect to, as {@link HostAllowList} entries (exact hosts,
 *                     {@code *.suffix}, IP addresses and CIDR ranges); empty means each route may reach its own
 *                     {@code partnerHost} and nothing else
 */
public record OutgoingConfig(String sourceAddress, TlsIdentity clientIdentity, List<String> allowedHosts) {
    /** Normalises the source address; no allow-list is an empty one. */
    public OutgoingConfig {
        sourceAddress = sourceAddress == null ? null : Addresses.normaliseLiteral(sourceAddress);
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }

    /** Without an allow-list: each route may reach its own partner host. */
    public OutgoingConfig(String sourceAddress, TlsIdentity clientIdentity) {
        this(sourceAddress, clientIdentity, List.of());
    }

    /** Nothing configured: any local address, the server identity, each route to its own partner host. */
    public static OutgoingConfig defaults() {
        return new OutgoingConfig(null, null);
    }

    /**
     * The hosts a route may connect to: the configured allow-list, or when there is none the route's own
     * partner host only.
     */
    public HostAllowList allowListFor(RouteConfig route) {
        return HostAllowList.parse(allowedHosts.isEmpty() ? List.of(route.partnerHost()) : allowedHosts);
    }

    /** The identity to present: the client identity if configured, otherwise the given server identity. */
    public TlsIdentity identityOr(TlsIdentity serverIdentity) {
        return clientIdentity != null ? clientIdentity : serverIdentity;
    }
}
