package org.portcullis.backend.document;

import java.util.List;
import org.portcullis.backend.crl.StoredCrl;
import org.portcullis.backend.store.TrustedCaTable.TrustedCa;
import org.portcullis.config.InsideConfig;
import org.portcullis.config.LimitConfig;
import org.portcullis.config.ListenerConfig;
import org.portcullis.config.PartnerConfig;
import org.portcullis.config.RouteConfig;
import org.portcullis.config.TimeoutConfig;
import org.portcullis.config.TlsIdentity;

/**
 * Everything the configuration document is made of, as stored: possibly incomplete (no listener yet, no server
 * identity) and possibly with rows that could not be read, listed in {@code problems}.
 *
 * @param listeners the public listeners
 * @param serverIdentity the server identity, or null if none was imported
 * @param outgoingIdentity the outgoing client identity, or null
 * @param outgoingSourceAddress the outgoing source address, or null
 * @param outgoingAllowedHosts the hosts outgoing routes may reach; empty: each route's own host only
 * @param trustedCas the trusted CAs
 * @param crls the CRLs held
 * @param partners the partners
 * @param inside the inside daemon, or null if not set
 * @param routes the outgoing routes
 * @param timeouts the timeouts (defaults where not set)
 * @param limits the limits (defaults where not set)
 * @param problems what could not be read, each "field: why"
 */
public record StoredState(List<ListenerConfig> listeners, TlsIdentity serverIdentity, TlsIdentity outgoingIdentity,
                          String outgoingSourceAddress, List<String> outgoingAllowedHosts, List<TrustedCa> trustedCas, List<StoredCrl> crls,
                          List<PartnerConfig> partners, InsideConfig inside, List<RouteConfig> routes,
                          TimeoutConfig timeouts, LimitConfig limits, List<String> problems) {
    public StoredState {
        listeners = List.copyOf(listeners);
        outgoingAllowedHosts = List.copyOf(outgoingAllowedHosts);
        trustedCas = List.copyOf(trustedCas);
        crls = List.copyOf(crls);
        partners = List.copyOf(partners);
        routes = List.copyOf(routes);
        problems = List.copyOf(problems);
    }
}
