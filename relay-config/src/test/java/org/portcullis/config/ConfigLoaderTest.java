package org.portcullis.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portcullis.config.ConfigDocuments.at;
import static org.portcullis.config.ConfigDocuments.bytes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.TestPki;

class ConfigLoaderTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @TempDir
    Path folder;

    @Test
    void loadsEveryFieldOfAValidDocument() throws Exception {
        RelayConfig config = ConfigLoader.parse(bytes(ConfigDocuments.valid(PKI)));

        assertEquals(1, config.schemaVersion());
        assertEquals("2024-05-01T10:00:00Z#17", config.revision());
        assertEquals(List.of(new ListenerConfig("0.0.0.0", 6619), new ListenerConfig("::1", 6620)), config.listeners());
        assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 6620), config.listeners().get(1).socketAddress());
        assertEquals(PKI.server().certificate().getSubjectX500Principal(),
                config.serverIdentity().certificate().getSubjectX500Principal());
        assertEquals("EC", config.serverIdentity().privateKey().getAlgorithm());
        assertEquals(List.of(PKI.ca().certificate()), config.trust().caCertificates());
        assertEquals(1, config.trust().crls().size());
        PartnerConfig partner = config.partner("O0013000001PARTNER").orElseThrow();
        assertTrue(PasswordHash.verify(partner.passwordHash(), ConfigDocuments.PASSWORD));
        assertTrue(partner.allows(InetAddress.getByName("192.0.2.99")));
        assertFalse(partner.allows(InetAddress.getByName("203.0.113.1")));
        assertEquals(ClientCertificatePolicy.OPTIONAL, config.partner("O0013000002OTHER").orElseThrow().clientCertificate());
        assertEquals(new InsideConfig("oftp.inside.example", 3305, Duration.ofSeconds(5)), config.inside());
        RouteConfig two = config.route("partner-two").orElseThrow();
        assertEquals(new RouteConfig("partner-two", "127.0.0.1", 65434, "O0013000002OTHER", "2001:db8::77", 6619, null),
                two);
        assertEquals(InetSocketAddress.createUnresolved("proxy.dmz.example", 3128),
                config.route("partner-one").orElseThrow().egressProxyAddress().orElseThrow());
        assertEquals("127.0.0.1", config.outgoing().sourceAddress());
        assertEquals("EC", config.outgoing().clientIdentity().privateKey().getAlgorithm());
        assertEquals(new TimeoutConfig(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5)),
                config.timeouts());
        assertEquals(new LimitConfig(200, 60), config.limits());
        assertTrue(config.partner("NOBODY").isEmpty());
        assertTrue(config.route("nowhere").isEmpty());
    }

    @Test
    void roundTripsThroughJson() {
        RelayConfig config = ConfigLoader.parse(bytes(ConfigDocuments.valid(PKI)));

        byte[] json = ConfigLoader.toJson(config);

        assertEquals(config, ConfigLoader.parse(json));
        assertArrayEquals(json, ConfigLoader.toJson(ConfigLoader.parse(json)));
    }

    @Test
    void appliesTheDocumentedDefaults() {
        RelayConfig config = ConfigLoader.parse(bytes(ConfigDocuments.minimal(PKI)));

        assertEquals(List.of(new ListenerConfig("0.0.0.0", 6619)), config.listeners());
        assertEquals(List.of(), config.partners());
        assertEquals(List.of(), config.routes());
        assertEquals(TrustConfig.empty(), config.trust());
        assertEquals(new InsideConfig("127.0.0.1", 3305, Duration.ofSeconds(10)), config.inside());
        assertEquals(OutgoingConfig.defaults(), config.outgoing());
        assertEquals(new TimeoutConfig(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(5)),
                config.timeouts());
        assertEquals(new LimitConfig(1000, 120), config.limits());
        assertEquals(config, ConfigLoader.parse(ConfigLoader.toJson(config)));
    }

    @Test
    void appliesDefaultsInsideEntries() {
        ObjectNode document = ConfigDocuments.valid(PKI);
        at(document, "/partners/1").remove("clientCertificate");
        at(document, "/routes/0").put("listenPort", 65000);
        at(document, "/routes/1").remove("listenPort");
        at(document, "/routes/0").remove("partnerPort");

        RelayConfig config = ConfigLoader.parse(bytes(document));

        assertEquals(ClientCertificatePolicy.REQUIRED, config.partners().get(1).clientCertificate());
        assertEquals(65433, config.routes().get(1).listenPort());
        assertEquals("127.0.0.1", config.routes().get(1).listenAddress());
        assertEquals(6619, config.routes().get(0).partnerPort());
    }

    @Test
    void listsEveryErrorWithItsPath() {
        ObjectNode document = ConfigDocuments.valid(PKI);
        document.put("revision", "");
        at(document, "/listeners/0").put("port", 70000);
        at(document, "/partners/0").put("odetteId", "o0013 lower");
        at(document, "/partners/1").put("passwordHash", "plain");
        at(document, "/partners/1").put("clientCertificate", "MAYBE");
        at(document, "/inside").put("connectTimeout", "ten seconds");
        at(document, "/routes/1").put("name", "partner-one");
        at(document, "/timeouts").put("idle", 300);
        at(document, "/limits").put("maxSessions", 0);

        ConfigException refused = assertThrows(ConfigException.class, () -> ConfigLoader.parse(bytes(document)));

        List<String> errors = refused.errors();
        assertEquals(9, errors.size(), () -> String.join("\n", errors));
        assertHas(errors, "revision: must be 1-200 characters");
        assertHas(errors, "listeners[0].port: must be an integer in 0-65535, not 70000");
        assertHas(errors, "partners[0].odetteId: must be 1-25 characters of the OFTP X set");
        assertHas(errors, "partners[1].passwordHash: must be of the form pbkdf2-sha256$");
        assertHas(errors, "partners[1].clientCertificate: must be one of REQUIRED, OPTIONAL, NONE, not \"MAYBE\"");
        assertHas(errors, "inside.connectTimeout: \"ten seconds\" is not a duration");
        assertHas(errors, "routes[1].name: \"partner-one\" is already routes[0]");
        assertHas(errors, "timeouts.idle: must be a duration string");
        assertHas(errors, "limits.maxSessions: must be an integer in 1-1000000, not 0");
    }

    @Test
    void refusesUnknownFieldsAndSuggestsTheIntendedOne() {
        ObjectNode document = ConfigDocuments.valid(PKI);
        document.put("comment", "top-level typo safety");
        at(document, "/partners/1").put("odeteId", "O0013000002OTHER");
        at(document, "/timeouts").put("sessionIdle", "1m");

        List<String> errors = assertThrows(ConfigException.class, () -> ConfigLoader.parse(bytes(document))).errors();

        assertEquals(List.of("partners[1].odeteId: unknown field (did you mean \"odetteId\"?)",
                "timeouts.sessionIdle: unknown field", "comment: unknown field"), errors);
    }

    @Test
    void listsMissingRequiredFields() {
        ObjectNode document = ConfigDocuments.valid(PKI);
        document.remove("serverIdentity");
        document.remove("revision");
        at(document, "/partners/0").remove("passwordHash");
        at(document, "/routes/0").remove("partnerHost");
        document.putArray("listeners");

        List<String> errors = assertThrows(ConfigException.class, () -> ConfigLoader.parse(bytes(document))).errors();

        assertEquals(List.of("revision: is required", "listeners: must not be empty", "serverIdentity: is required",
                "partners[0].passwordHash: is required", "routes[0].partnerHost: is required"), errors);
    }

    @Test
    void refusesAnotherSchemaVersionAlone() {
        ObjectNode document = ConfigDocuments.valid(PKI);
        document.put("schemaVersion", 2);
        document.put("newField", true);

        List<String> errors = assertThrows(ConfigException.class, () -> ConfigLoader.parse(bytes(document))).errors();

        assertEquals(List.of("schemaVersion: is 2; this relay reads version 1"), errors);
    }

    @Test
    void refusesAnOversizedDocumentBeforeParsing() throws Exception {
        byte[] garbage = new byte[ConfigLoader.MAX_DOCUMENT_BYTES + 1];
        Arrays.fill(garbage, (byte) '{');
        Path file = Files.write(folder.resolve("big.json"), garbage);

        for (ConfigException refused : List.of(
                assertThrows(ConfigException.class, () -> ConfigLoader.parse(garbage)),
                assertThrows(ConfigException.class, () -> ConfigLoader.read(file)))) {
            assertEquals(List.of("document: 4194305 octets exceed the limit of 4194304 (4 MiB); not parsed"),
                    refused.errors());
        }
    }

    @Test
    void acceptsADocumentOfExactlyTheLimit() {
        byte[] json = bytes(ConfigDocuments.minimal(PKI));
        byte[] padded = Arrays.copyOf(json, ConfigLoader.MAX_DOCUMENT_BYTES);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');

        assertEquals("1", ConfigLoader.parse(padded).revision());
    }

    @Test
    void reportsJsonSyntaxErrorsWithTheirPlace() {
        byte[] json = "{\n  \"schemaVersion\": 1,\n  \"revision\": \"1\"\n  \"listeners\": []\n}"
                .getBytes(StandardCharsets.UTF_8);

        List<String> errors = assertThrows(ConfigException.class, () -> ConfigLoader.parse(json)).errors();

        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("document (line 4, column 3): is not valid JSON: "), errors.get(0));
    }

    @Test
    void refusesDuplicateKeysEmptyDocumentsAndNonObjects() {
        byte[] duplicate = "{\"schemaVersion\": 1, \"schemaVersion\": 1}".getBytes(StandardCharsets.UTF_8);
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.parse(duplicate)).errors().get(0)
                .contains("Duplicate field 'schemaVersion'"));
        assertEquals(List.of("document: is empty"),
                assertThrows(ConfigException.class, () -> ConfigLoader.parse(new byte[0])).errors());
        assertEquals(List.of("document: must be a JSON object"),
                assertThrows(ConfigException.class, () -> ConfigLoader.parse("[1]".getBytes(StandardCharsets.UTF_8)))
                        .errors());
        assertEquals(List.of("partners[0]: must be a JSON object"), assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(bytes(ConfigDocuments.minimal(PKI).set("partners",
                        ConfigDocuments.MAPPER.createArrayNode().add("O0013"))))).errors());
    }

    @Test
    void readsAFile() throws Exception {
        Path file = Files.write(folder.resolve("relay.json"), bytes(ConfigDocuments.valid(PKI)));

        assertEquals("2024-05-01T10:00:00Z#17", ConfigLoader.read(file).revision());
        ConfigException missing = assertThrows(ConfigException.class, () -> ConfigLoader.read(folder.resolve("no.json")));
        assertTrue(missing.errors().get(0).startsWith("document: cannot read "), missing.errors().get(0));
    }

    @Test
    void warnsWhatTimeDoesToALoadedConfiguration() {
        RelayConfig config = ConfigLoader.parse(bytes(ConfigDocuments.valid(PKI)));
        assertEquals(List.of(), ConfigLoader.warnings(config, Instant.now()));

        List<String> later = ConfigLoader.warnings(config, Instant.now().plus(Duration.ofDays(3)));

        assertHas(later, "trust.crlsPem[0]: the CRL of ");
        assertTrue(later.stream().anyMatch(w -> w.contains("is past its nextUpdate")), later::toString);
        assertHas(later, "serverIdentity.certificateChainPem: the certificate (CN=localhost");
        assertTrue(later.stream().anyMatch(w -> w.contains(") expired on ")), later::toString);
    }

    @Test
    void loadsAStaleCrlWithAWarning() {
        StaleCrl stale = StaleCrl.create();
        List<String> warnings = new ArrayList<>();
        ObjectNode document = ConfigDocuments.minimal(PKI);
        ObjectNode trust = document.putObject("trust");
        trust.putArray("caCertificatesPem").add(Identity.certificatePem(stale.caCertificate()));
        trust.putArray("crlsPem").add(ConfigDocuments.crlPem(stale.crl()));

        RelayConfig config = ConfigLoader.parse(bytes(document), Instant.now(), warnings);

        assertEquals(1, config.trust().crls().size());
        assertHas(warnings, "trust.crlsPem[0]: the CRL of CN=Stale CA is past its nextUpdate");
    }

    @Test
    void configExceptionSummarisesItsErrors() {
        ConfigException single = new ConfigException("a: b");
        ConfigException several = new ConfigException(List.of("a: b", "c: d"));

        assertEquals("a: b", single.getMessage());
        assertEquals("2 configuration errors: a: b; c: d", several.getMessage());
        assertNull(single.getCause());
    }

    static void assertHas(List<String> errors, String prefix) {
        assertTrue(errors.stream().anyMatch(error -> error.startsWith(prefix)),
                () -> "no error starting with \"" + prefix + "\" in:\n" + String.join("\n", errors));
    }
}
