package org.portcullis.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Writes a {@link RelayConfig} as the document {@link DocumentReader} reads, every default spelled out. */
final class DocumentWriter {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private DocumentWriter() {
    }

    static byte[] write(RelayConfig config) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", config.schemaVersion());
        root.put("revision", config.revision());
        ArrayNode listeners = root.putArray("listeners");
        config.listeners().forEach(listener -> listeners.addObject()
                .put("address", listener.address())
                .put("port", listener.port()));
        root.set("serverIdentity", identity(config.serverIdentity()));
        ObjectNode trust = root.putObject("trust");
        strings(trust.putArray("caCertificatesPem"), config.trust().caCertificatesPem());
        strings(trust.putArray("crlsPem"), config.trust().crlsPem());
        ArrayNode partners = root.putArray("partners");
        config.partners().forEach(partner -> partner(partners.addObject(), partner));
        root.putObject("inside")
                .put("host", config.inside().host())
                .put("port", config.inside().port())
                .put("connectTimeout", Durations.format(config.inside().connectTimeout()));
        ArrayNode routes = root.putArray("routes");
        config.routes().forEach(route -> route(routes.addObject(), route));
        outgoing(root.putObject("outgoing"), config.outgoing());
        root.putObject("timeouts")
                .put("tlsHandshake", Durations.format(config.timeouts().tlsHandshake()))
                .put("ssid", Durations.format(config.timeouts().ssid()))
                .put("idle", Durations.format(config.timeouts().idle()));
        root.putObject("limits")
                .put("maxSessions", config.limits().maxSessions())
                .put("connectionsPerSourcePerMinute", config.limits().connectionsPerSourcePerMinute())
                .put("pendingPerSource", config.limits().pendingPerSource())
                .put("pendingTotal", config.limits().pendingTotal());
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static ObjectNode identity(TlsIdentity identity) {
        return MAPPER.createObjectNode()
                .put("certificateChainPem", identity.certificateChainPem())
                .put("privateKeyPem", identity.privateKeyPem());
    }

    private static void partner(ObjectNode node, PartnerConfig partner) {
        node.put("odetteId", partner.odetteId()).put("passwordHash", partner.passwordHash());
        strings(node.putArray("certificatePins"), partner.certificatePins());
        strings(node.putArray("allowedNetworks"), partner.allowedNetworks());
        node.put("clientCertificate", partner.clientCertificate().name());
    }

    private static void outgoing(ObjectNode node, OutgoingConfig outgoing) {
        if (outgoing.sourceAddress() != null) {
            node.put("sourceAddress", outgoing.sourceAddress());
        }
        if (outgoing.clientIdentity() != null) {
            node.set("clientIdentity", identity(outgoing.clientIdentity()));
        }
        if (!outgoing.allowedHosts().isEmpty()) {
            strings(node.putArray("allowedHosts"), outgoing.allowedHosts());
        }
    }

    private static void route(ObjectNode node, RouteConfig route) {
        node.put("name", route.name())
                .put("listenAddress", route.listenAddress())
                .put("listenPort", route.listenPort())
                .put("partnerOdetteId", route.partnerOdetteId())
                .put("partnerHost", route.partnerHost())
                .put("partnerPort", route.partnerPort());
        if (route.egressProxy() != null) {
            node.put("egressProxy", route.egressProxy());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
