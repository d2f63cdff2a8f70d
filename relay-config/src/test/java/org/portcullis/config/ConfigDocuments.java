package org.portcullis.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.util.Base64;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.TestPki;

/** Configuration documents for tests: a complete valid one made from the run's PKI, as a tree to spoil. */
final class ConfigDocuments {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String PASSWORD = "SECRET1";
    /** Hashing is slow on purpose: one hash for the whole run. */
    static final String PASSWORD_HASH = PasswordHash.create(PASSWORD.toCharArray());

    private ConfigDocuments() {
    }

    /** A document using every section and field, valid now. */
    static ObjectNode valid(TestPki pki) {
        Identity client = pki.client("O0013000001PARTNER");
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 1).put("revision", "2024-05-01T10:00:00Z#17");
        ArrayNode listeners = root.putArray("listeners");
        listeners.addObject().put("address", "0.0.0.0").put("port", 6619);
        listeners.addObject().put("address", "[::1]").put("port", 6620);
        root.set("serverIdentity", identity(pki.server()));
        ObjectNode trust = root.putObject("trust");
        trust.putArray("caCertificatesPem").add(Identity.certificatePem(pki.ca().certificate()));
        trust.putArray("crlsPem").add(crlPem(pki.crl(client.certificate().getSerialNumber())));
        ArrayNode partners = root.putArray("partners");
        ObjectNode first = partners.addObject().put("odetteId", "O0013000001PARTNER").put("passwordHash", PASSWORD_HASH);
        first.putArray("certificatePins").add(CertificatePin.of(client.certificate()).toString());
        first.putArray("allowedNetworks").add("192.0.2.0/24").add("2001:db8::/32").add("198.51.100.7");
        first.put("clientCertificate", "REQUIRED");
        partners.addObject().put("odetteId", "O0013000002OTHER").put("passwordHash", PASSWORD_HASH)
                .put("clientCertificate", "optional");
        root.putObject("inside").put("host", "oftp.inside.example").put("port", 3305).put("connectTimeout", "5s");
        ArrayNode routes = root.putArray("routes");
        routes.addObject().put("name", "partner-one").put("listenAddress", "127.0.0.1").put("listenPort", 65433)
                .put("partnerOdetteId", "O0013000001PARTNER").put("partnerHost", "oftp.partner.example")
                .put("partnerPort", 6619).put("egressProxy", "http://proxy.dmz.example:3128");
        routes.addObject().put("name", "partner-two").put("listenPort", 65434)
                .put("partnerOdetteId", "O0013000002OTHER").put("partnerHost", "2001:db8::77");
        ObjectNode outgoing = root.putObject("outgoing").put("sourceAddress", "127.0.0.1");
        outgoing.set("clientIdentity", identity(pki.client("O0013000000US")));
        root.putObject("timeouts").put("tlsHandshake", "500ms").put("ssid", "PT30S").put("idle", "5m");
        root.putObject("limits").put("maxSessions", 200).put("connectionsPerSourcePerMinute", 60);
        return root;
    }

    /** The smallest valid document: every optional field left to its default. */
    static ObjectNode minimal(TestPki pki) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 1).put("revision", "1");
        root.putArray("listeners").addObject();
        root.set("serverIdentity", identity(pki.server()));
        root.putObject("inside").put("host", "127.0.0.1");
        return root;
    }

    static ObjectNode identity(Identity identity) {
        return MAPPER.createObjectNode()
                .put("certificateChainPem", Identity.certificatePem(identity.certificate()))
                .put("privateKeyPem", keyPem(identity.privateKey()));
    }

    static String keyPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    static String crlPem(X509CRL crl) {
        try {
            return pem("X509 CRL", crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String label, byte[] der) {
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN " + label + "-----\n" + base64.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** The object at a JSON pointer, e.g. "/partners/0". */
    static ObjectNode at(JsonNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    static byte[] bytes(JsonNode root) {
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
