package org.portcullis.relay.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.TestPki;

/** Configuration documents for relay-client tests: the inside daemon on loopback and routes on loopback port 0. */
public final class ClientConfigs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String serverIdentityCertificate;
    private final String serverIdentityKey;
    private final String caCertificate;

    /** Documents with one public server identity from {@code pki} (relay-client does not look at it). */
    public ClientConfigs(TestPki pki) {
        Identity identity = pki.server();
        this.caCertificate = Identity.certificatePem(pki.ca().certificate());
        this.serverIdentityCertificate = Identity.certificatePem(identity.certificate());
        this.serverIdentityKey = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(identity.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** A route of a test document: a name and the partner it reaches; it listens on 127.0.0.1 port 0. */
    public record Route(String name, int listenPort) {
        public static Route anyPort(String name) {
            return new Route(name, 0);
        }
    }

    /** A valid document. */
    public byte[] document(String revision, int insidePort, List<Route> routes) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 1).put("revision", revision);
        root.putArray("listeners").addObject().put("address", "127.0.0.1").put("port", 0);
        root.putObject("serverIdentity").put("certificateChainPem", serverIdentityCertificate)
                .put("privateKeyPem", serverIdentityKey);
        root.putObject("trust").putArray("caCertificatesPem").add(caCertificate);
        root.putObject("inside").put("host", "127.0.0.1").put("port", insidePort).put("connectTimeout", "2s");
        ArrayNode routeArray = root.putArray("routes");
        for (Route route : routes) {
            routeArray.addObject().put("name", route.name()).put("listenAddress", "127.0.0.1")
                    .put("listenPort", route.listenPort()).put("partnerOdetteId", "O0013000000PARTNER")
                    .put("partnerHost", "partner.example").put("partnerPort", 6619);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The revision a pushed document carries. */
    public static String revision(byte[] document) {
        try {
            return JSON.readTree(document).path("revision").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the document and moves the modification time forward, so a watcher sees the change even when the
     * file system's clock ticks coarser than the test.
     */
    public static void write(Path file, byte[] document) {
        try {
            FileTime before = Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.from(Instant.EPOCH);
            Files.write(file, document);
            Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plusSeconds(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text as a document (for invalid ones). */
    public static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
