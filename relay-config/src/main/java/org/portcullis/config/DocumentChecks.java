package org.portcullis.config;

import java.net.InetAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules that span fields of the document: unique Odette IDs, route names and ports; CAs present where
 * certificates must be verified; the certificate checks of each identity and of the trust section.
 */
final class DocumentChecks {
    private final ErrorList errors;
    private final List<String> warnings;
    private final Instant now;

    DocumentChecks(ErrorList errors, List<String> warnings, Instant now) {
        this.errors = errors;
        this.warnings = warnings;
        this.now = now;
    }

    /** Checks the sections that were read; entries that had errors of their own (null) are skipped. */
    void check(DocumentReader.Sections sections) {
        listeners(sections.listeners());
        if (sections.serverIdentity() != null) {
            CertificateChecks.identity("serverIdentity", sections.serverIdentity(), now, errors, warnings);
        }
        if (sections.trust() != null) {
            CertificateChecks.trust("trust", sections.trust(), now, errors, warnings);
            caPresent(sections);
        }
        partners(sections.partners());
        routes(sections.routes());
        if (sections.outgoing() != null && sections.outgoing().clientIdentity() != null) {
            CertificateChecks.identity("outgoing.clientIdentity", sections.outgoing().clientIdentity(), now, errors,
                    warnings);
        }
    }

    private void listeners(List<ListenerConfig> listeners) {
        for (int i = 0; i < listeners.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (listeners.get(i) != null && listeners.get(j) != null
                        && conflict(listeners.get(i).address(), listeners.get(i).port(),
                        listeners.get(j).address(), listeners.get(j).port())) {
                    errors.add("listeners[" + i + "]", "address and port overlap listeners[" + j + "]");
                    break;
                }
            }
        }
    }

    private void partners(List<PartnerConfig> partners) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < partners.size(); i++) {
            PartnerConfig partner = partners.get(i);
            if (partner == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(partner.odetteId(), i);
            if (first != null) {
                errors.add("partners[" + i + "].odetteId", "\"" + partner.odetteId() + "\" is already partners[" + first + "]");
            }
            if (partner.clientCertificate() == ClientCertificatePolicy.NONE && !partner.certificatePins().isEmpty()) {
                warnings.add("partners[" + i + "].certificatePins: only checked when the partner presents a certificate,"
                        + " and clientCertificate is NONE");
            }
        }
    }

    private void routes(List<RouteConfig> routes) {
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < routes.size(); i++) {
            RouteConfig route = routes.get(i);
            if (route == null) {
                continue;
            }
            Integer first = names.putIfAbsent(route.name(), i);
            if (first != null) {
                errors.add("routes[" + i + "].name", "\"" + route.name() + "\" is already routes[" + first + "]");
            }
            for (int j = 0; j < i; j++) {
                RouteConfig other = routes.get(j);
                if (other != null && conflict(route.listenAddress(), route.listenPort(), other.listenAddress(),
                        other.listenPort())) {
                    errors.add("routes[" + i + "].listenPort", route.listenPort() + " on " + route.listenAddress()
                            + " is already taken by routes[" + j + "]");
                    break;
                }
            }
        }
    }

    /** Certificates are verified against the CAs: a partner that may present one, or any route, needs them. */
    private void caPresent(DocumentReader.Sections sections) {
        if (!sections.trust().caCertificates().isEmpty()) {
            return;
        }
        boolean partnerCertificates = sections.partners().stream()
                .anyMatch(p -> p != null && p.clientCertificate() != ClientCertificatePolicy.NONE);
        if (partnerCertificates || !sections.routes().isEmpty()) {
            errors.add("trust.caCertificatesPem", "at least one CA is required to verify "
                    + (partnerCertificates ? "partners' client certificates" : "the certificates of routes' partners"));
        }
    }

    /** Two sockets clash on the same non-zero port if their addresses are equal or either is a wildcard. */
    private static boolean conflict(String address1, int port1, String address2, int port2) {
        if (port1 == 0 || port1 != port2) {
            return false;
        }
        InetAddress first = Addresses.parseLiteral(address1);
        InetAddress second = Addresses.parseLiteral(address2);
        return first.equals(second) || first.isAnyLocalAddress() || second.isAnyLocalAddress();
    }
}
