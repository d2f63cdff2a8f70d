package org.portcullis.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.config.ConfigLoader;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/** config export and config import against a running service: a round trip, and a malformed import that changes nothing. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ImportExportIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    @Order(1)
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    @Order(2)
    static final LogHygiene HYGIENE = new LogHygiene();

    @RegisterExtension
    @Order(3)
    final BackendFixture backend = new BackendFixture(PKI, HYGIENE);

    @TempDir
    Path files;

    private String token;

    @BeforeEach
    void configure() {
        backend.minimalConfiguration();
        token = backend.createToken("relay-1");
        backend.cliWithInput(HYGIENE.remember("Xp7qL2w9") + "\n", "partner", "add", "O0013PARTNER", "--network",
                "192.0.2.0/24", "--client-certificate", "OPTIONAL");
        backend.admin("route", "add", "to-partner", "--partner", "O0013PARTNER", "--host", "oftp.partner.example");
        backend.admin("ignore", "add", "maintenance", "--description", "planned work", "--for", "2h");
        Await.until(() -> etag() != null, WAIT, "a document");
    }

    @Test
    void exportIsOwnerOnlyAndImportsBackToTheSameConfiguration() throws IOException {
        Path export = files.resolve("export.json");
        backend.admin("config", "export", export.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(export)));
        JsonNode exported = JSON.readTree(export.toFile());
        assertEquals("portcullis-backend-export", exported.get("format").asText());
        assertEquals(1, exported.get("tokens").size());
        assertTrue(exported.toString().contains("O0013PARTNER"));

        backend.admin("partner", "remove", "O0013PARTNER");
        backend.admin("route", "remove", "to-partner");
        backend.admin("token", "revoke", "relay-1");
        String imported = backend.admin("config", "import", export.toString());

        assertTrue(imported.contains("1 partners, 1 routes"), imported);
        assertEquals(withoutTimestamp(exported), withoutTimestamp(exportNow()));
        Await.until(() -> document().contains("oftp.partner.example"), WAIT, "the imported document");
        assertEquals(200, backend.get("/v1/config", token).code(), "the imported token hash is valid again");
    }

    @Test
    void malformedImportChangesNothingAndListsEveryError() throws IOException {
        JsonNode before = exportNow();
        String etag = etag();
        ObjectNode broken = before.deepCopy();
        ObjectNode relay = (ObjectNode) broken.get("relayConfig");
        ((ObjectNode) relay.get("partners").get(0)).put("odetteId", "o0013 lower case");
        ((ObjectNode) relay.get("listeners").get(0)).put("port", 70000);
        ((ObjectNode) relay.get("routes").get(0)).put("partnerPort", -1);
        ((ObjectNode) broken.get("tokens").get(0)).put("sha256", "not-a-hash");
        ((ArrayNode) broken.get("crlUrls")).add("ftp://crl.example/ca.crl");
        broken.put("unexpected", true);
        Path file = files.resolve("broken.json");
        Files.writeString(file, broken.toPrettyString(), StandardCharsets.UTF_8);

        CliResult result = backend.cli("config", "import", file.toString());

        assertEquals(1, result.exitCode());
        String errors = result.err();
        for (String path : new String[] {"relayConfig.partners[0].odetteId", "relayConfig.listeners[0].port",
                "relayConfig.routes[0].partnerPort", "tokens[0].sha256", "crlUrls[0]", "unexpected"}) {
            assertTrue(errors.contains(path), "the error of " + path + " is listed in:\n" + errors);
        }
        assertEquals(withoutTimestamp(before), withoutTimestamp(exportNow()));
        assertEquals(etag, etag(), "the document served is the same");
    }

    @Test
    void fileThatIsNotJsonIsRefusedWithOneLine() throws IOException {
        Path file = files.resolve("garbage.json");
        Files.writeString(file, "{\"format\": ", StandardCharsets.UTF_8);

        CliResult result = backend.cli("config", "import", file.toString());

        assertEquals(1, result.exitCode());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().startsWith("document"), result.err());
    }

    @Test
    void plainRelayDocumentReplacesTheRelayPartsAndKeepsTokens() throws IOException {
        byte[] document = backend.get("/v1/config", token).body();
        backend.admin("partner", "remove", "O0013PARTNER");
        Path file = files.resolve("relay-config.json");
        Files.write(file, document);

        String imported = backend.admin("config", "import", file.toString());

        assertTrue(imported.contains("tokens, ignore rules, CRL URLs and event script kept"), imported);
        assertTrue(backend.admin("partner", "list").contains("O0013PARTNER"));
        assertTrue(backend.admin("ignore", "list").contains("maintenance"));
        assertEquals(200, backend.get("/v1/config", token).code());
    }

    private JsonNode exportNow() {
        try {
            return JSON.readTree(backend.admin("config", "export", "-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode withoutTimestamp(JsonNode export) {
        ObjectNode copy = export.deepCopy();
        copy.remove("exportedAt");
        ((ObjectNode) copy.get("relayConfig")).remove("revision");
        return copy;
    }

    private String document() {
        try {
            return ConfigLoader.parse(backend.get("/v1/config", token).body()).toString()
                    + new String(backend.get("/v1/config", token).body(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String etag() {
        try {
            return backend.get("/v1/config", token).header("ETag");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
