package org.portcullis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.portcullis.config.ConfigDocuments.at;
import static org.portcullis.config.ConfigDocuments.bytes;
import static org.portcullis.config.ConfigLoaderTest.assertHas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.KeyType;
import org.portcullis.testkit.LeafSpec;
import org.portcullis.testkit.TestPki;

/** Each field's bad values, one at a time, each refused with its path. */
class FieldValidationTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @ParameterizedTest
    @ValueSource(strings = {"", "O0013000001PARTNER-TOO-LONG-X", "o0013000001", "O0013 000001", "O0013_000001",
            "O0013#1", "ÄBC"})
    void refusesBadOdetteIds(String odetteId) {
        List<String> errors = refuse(document -> at(document, "/partners/0").put("odetteId", odetteId));

        assertEquals(List.of("partners[0].odetteId: must be 1-25 characters of the OFTP X set (A-Z 0-9 / - . & ( ),"
                + " no spaces), not \"" + odetteId + "\""), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "0123456789ABCDEFGHIJKLMNO", "O0013/A-B.C&(D)"})
    void acceptsOdetteIdsOfTheXSet(String odetteId) {
        ObjectNode document = ConfigDocuments.valid(PKI);
        at(document, "/partners/0").put("odetteId", odetteId);
        at(document, "/routes/0").put("partnerOdetteId", odetteId);

        assertEquals(odetteId, ConfigLoader.parse(bytes(document)).partners().get(0).odetteId());
    }

    @Test
    void refusesABadRoutePartnerOdetteId() {
        assertHas(refuse(document -> at(document, "/routes/1").put("partnerOdetteId", "lower")),
                "routes[1].partnerOdetteId: must be 1-25 characters of the OFTP X set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "pbkdf2-sha1$10000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "pbkdf2-sha256$10000$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "pbkdf2-sha256$10$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "pbkdf2-sha256$10000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA",
            "pbkdf2-sha256$10000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$"})
    void refusesBadPasswordHashes(String hash) {
        List<String> errors = refuse(document -> at(document, "/partners/1").put("passwordHash", hash));

        assertEquals(1, errors.size(), errors::toString);
        assertHas(errors, "partners[1].passwordHash: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256:abc", "sha1:" + "00000000000000000000000000000000000000000000000000000000000000ff",
            "00000000000000000000000000000000000000000000000000000000000000ff",
            "sha256:00000000000000000000000000000000000000000000000000000000000000fg"})
    void refusesBadPins(String pin) {
        List<String> errors = refuse(document -> at(document, "/partners/0").withArray("certificatePins").add(pin));

        assertEquals(List.of("partners[0].certificatePins[1]: \"" + pin
                + "\" is not of the form sha256:<64 hex digits>"), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.0/33", "192.0.2.7/24", "2001:db8::/129", "300.1.1.1", "192.0.2.0/", "/24",
            "example.com", "2001:db8::1/64", "192.0.2.0/-1", "192.0.2.0/24/1"})
    void refusesBadNetworks(String network) {
        List<String> errors = refuse(document -> at(document, "/partners/0").withArray("allowedNetworks").add(network));

        assertEquals(1, errors.size(), errors::toString);
        assertHas(errors, "partners[0].allowedNetworks[3]: ");
    }

    @Test
    void refusesAKeyThatDoesNotMatchTheCertificate() {
        Identity other = PKI.client("OTHER");
        List<String> errors = refuse(document -> at(document, "/serverIdentity")
                .put("privateKeyPem", ConfigDocuments.keyPem(other.privateKey())));

        assertEquals(List.of("serverIdentity.privateKeyPem: does not match the public key of the first certificate"),
                errors);
    }

    @Test
    void refusesAnRsaKeyForAnEcCertificateAndAcceptsRsaIdentities() {
        Identity rsa = PKI.issue(LeafSpec.server().withKeyType(KeyType.RSA_2048));
        assertHas(refuse(document -> at(document, "/outgoing/clientIdentity")
                        .put("privateKeyPem", ConfigDocuments.keyPem(rsa.privateKey()))),
                "outgoing.clientIdentity.privateKeyPem: does not match");

        ObjectNode document = ConfigDocuments.valid(PKI);
        document.set("serverIdentity", ConfigDocuments.identity(rsa));
        assertEquals("RSA", ConfigLoader.parse(bytes(document)).serverIdentity().privateKey().getAlgorithm());
    }

    @Test
    void refusesAnExpiredOrNotYetValidServerCertificate() {
        assertHas(refuse(document -> document.set("serverIdentity", ConfigDocuments.identity(PKI.expiredServer()))),
                "serverIdentity.certificateChainPem: the certificate (CN=localhost,O=Portcullis Test) expired on ");
        assertHas(refuse(document -> document.set("serverIdentity", ConfigDocuments.identity(PKI.notYetValidServer()))),
                "serverIdentity.certificateChainPem: the certificate (CN=localhost,O=Portcullis Test) is not valid before ");
    }

    @Test
    void refusesUnparseablePem() {
        List<String> errors = refuse(document -> at(document, "/serverIdentity")
                .put("certificateChainPem", "not a certificate").put("privateKeyPem", Identity.certificatePem(
                        PKI.ca().certificate())));

        assertEquals(List.of("serverIdentity.certificateChainPem: contains no PEM certificate (expected -----BEGIN"
                        + " ...----- blocks)",
                "serverIdentity.privateKeyPem: contains a certificate where a private key belongs"), errors);
    }

    @Test
    void refusesAChainOutOfOrder() {
        Identity server = PKI.server();
        String reversed = Identity.certificatePem(server.caCertificate()) + Identity.certificatePem(server.certificate());
        List<String> errors = refuse(document -> at(document, "/serverIdentity")
                .put("certificateChainPem", reversed));

        assertHas(errors, "serverIdentity.privateKeyPem: does not match");
        assertHas(errors, "serverIdentity.certificateChainPem: certificate 2 did not issue certificate 1");
    }

    @Test
    void acceptsAChainWithItsIssuer() {
        Identity server = PKI.server();
        ObjectNode document = ConfigDocuments.valid(PKI);
        document.set("serverIdentity", ConfigDocuments.identity(server));
        at(document, "/serverIdentity").put("certificateChainPem",
                Identity.certificatePem(server.certificate()) + Identity.certificatePem(server.caCertificate()));

        assertEquals(2, ConfigLoader.parse(bytes(document)).serverIdentity().certificateChain().size());
    }

    @Test
    void refusesACrlNotSignedByATrustedCa() {
        String foreign = ConfigDocuments.crlPem(PKI.untrustedCa().crl(List.of()));
        List<String> errors = refuse(document -> at(document, "/trust").withArray("crlsPem").add(foreign));

        assertEquals(List.of("trust.crlsPem[1]: the CRL of CN=Untrusted Test Root CA,O=Portcullis Test is not signed"
                + " by any CA in trust.caCertificatesPem"), errors);
    }

    @Test
    void requiresACaWhenPartnersPresentCertificates() {
        assertEquals(List.of("trust.crlsPem[0]: the CRL of CN=Portcullis Test Root CA,O=Portcullis Test is not"
                        + " signed by any CA in trust.caCertificatesPem", "trust.caCertificatesPem: at least one CA is"
                        + " required to verify partners' client certificates"),
                refuse(document -> at(document, "/trust").putArray("caCertificatesPem")));
    }

    @Test
    void refusesDuplicateOdetteIdsRouteNamesAndPorts() {
        List<String> errors = refuse(document -> {
            at(document, "/partners/1").put("odetteId", "O0013000001PARTNER");
            at(document, "/routes/1").put("name", "partner-one").put("listenPort", 65433);
            at(document, "/listeners/1").put("address", "127.0.0.1").put("port", 6619);
        });

        assertEquals(List.of("listeners[1]: address and port overlap listeners[0]",
                "partners[1].odetteId: \"O0013000001PARTNER\" is already partners[0]",
                "routes[1].name: \"partner-one\" is already routes[0]",
                "routes[1].listenPort: 65433 on 127.0.0.1 is already taken by routes[0]"), errors);
    }

    @Test
    void allowsOneRoutePortOnDifferentAddressesAndPortZeroTwice() {
        ObjectNode document = ConfigDocuments.valid(PKI);
        at(document, "/routes/1").put("listenAddress", "::1").put("listenPort", 65433);
        at(document, "/listeners/0").put("address", "127.0.0.1").put("port", 0);
        at(document, "/listeners/1").put("address", "127.0.0.1").put("port", 0);

        RelayConfig config = ConfigLoader.parse(bytes(document));

        assertEquals(0, config.listeners().get(1).port());
        assertEquals("::1", config.routes().get(1).listenAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/listeners/0:port:-1", "/listeners/0:port:65536", "/inside:port:0",
            "/routes/0:partnerPort:0", "/routes/0:listenPort:99999", "/limits:connectionsPerSourcePerMinute:0"})
    void refusesNumbersOutOfRange(String spec) {
        String[] parts = spec.split(":");
        List<String> errors = refuse(document -> at(document, parts[0]).put(parts[1], Integer.parseInt(parts[2])));

        assertEquals(1, errors.size(), errors::toString);
        assertHas(errors, parts[0].substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.') + "." + parts[1]
                + ": must be an integer in ");
    }

    @Test
    void refusesNumbersOfTheWrongType() {
        List<String> errors = refuse(document -> {
            at(document, "/listeners/0").put("port", "6619");
            at(document, "/inside").put("port", 3305.5);
            document.put("schemaVersion", "1");
        });

        assertEquals(List.of("schemaVersion: must be an integer in 0-2147483647, not \"1\"",
                "listeners[0].port: must be an integer in 0-65535, not \"6619\"",
                "inside.port: must be an integer in 1-65535, not 3305.5"), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "", "required ", "ALWAYS"})
    void refusesUnknownPolicies(String policy) {
        assertEquals(List.of("partners[0].clientCertificate: must be one of REQUIRED, OPTIONAL, NONE, not \""
                + policy + "\""), refuse(document -> at(document, "/partners/0").put("clientCertificate", policy)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "10 s", "-5s", "0s", "PT0S", "1.5s", "10sec", "P", "PT-1S", "", "0.5ms", "PT0.0001S"})
    void refusesBadDurations(String duration) {
        List<String> errors = refuse(document -> at(document, "/timeouts").put("ssid", duration));

        assertEquals(1, errors.size(), errors::toString);
        assertHas(errors, "timeouts.ssid: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not an address", "localhost", "192.0.2.300", "[::1", "::1]"})
    void refusesListenAddressesThatAreNotLiterals(String address) {
        assertHas(refuse(document -> at(document, "/listeners/0").put("address", address)),
                "listeners[0].address: must be an IP address");
        assertHas(refuse(document -> at(document, "/routes/0").put("listenAddress", address)),
                "routes[0].listenAddress: must be an IP address");
        assertHas(refuse(document -> at(document, "/outgoing").put("sourceAddress", address)),
                "outgoing.sourceAddress: must be an IP address");
    }

    @Test
    void refusesEveryBadAllowedHostWithItsPath() {
        List<String> errors = refuse(document -> at(document, "/outgoing").putArray("allowedHosts")
                .add("partner.example").add("*example.com").add("https://x.example").add(7).add("*.com"));

        assertEquals(4, errors.size(), errors::toString);
        assertHas(errors, "outgoing.allowedHosts[1]: allow-list entry '*example.com'");
        assertHas(errors, "outgoing.allowedHosts[2]: allow-list entry 'https://x.example'");
        assertHas(errors, "outgoing.allowedHosts[3]: must be a string");
        assertHas(errors, "outgoing.allowedHosts[4]: allow-list entry '*.com'");
    }

    @Test
    void allowsOnlyTheRoutesOwnHostWithoutAnAllowList() {
        RelayConfig config = ConfigLoader.parse(bytes(ConfigDocuments.valid(PKI)));
        RouteConfig route = config.route("partner-two").orElseThrow();

        assertEquals(List.of(), config.outgoing().allowedHosts());
        assertEquals(true, config.outgoing().allowListFor(route).allows(route.partnerHost()));
        assertEquals(false, config.outgoing().allowListFor(route).allows("elsewhere.example"));
    }

    @Test
    void keepsAnAllowListThroughJson() {
        ObjectNode document = ConfigDocuments.valid(PKI);
        at(document, "/outgoing").putArray("allowedHosts").add("*.partner.example").add("192.0.2.0/24");
        RelayConfig config = ConfigLoader.parse(bytes(document));
        RouteConfig route = config.route("partner-two").orElseThrow();

        assertEquals(config, ConfigLoader.parse(ConfigLoader.toJson(config)));
        assertEquals(List.of("*.partner.example", "192.0.2.0/24"), config.outgoing().allowedHosts());
        assertEquals(true, config.outgoing().allowListFor(route).allows("oftp.partner.example"));
        assertEquals(false, config.outgoing().allowListFor(route).allows(route.partnerHost()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy:3128", "https://proxy:3128", "http://proxy", "http://proxy:3128/path",
            "http://user:pw@proxy:3128", "http://:3128"})
    void refusesBadEgressProxies(String proxy) {
        List<String> errors = refuse(document -> at(document, "/routes/0").put("egressProxy", proxy));

        assertEquals(1, errors.size(), errors::toString);
        assertHas(errors, "routes[0].egressProxy: ");
    }

    @Test
    void refusesBadHostsAndNames() {
        List<String> errors = refuse(document -> {
            at(document, "/inside").put("host", "inside host");
            at(document, "/routes/0").put("partnerHost", "");
            at(document, "/routes/1").put("name", "two words");
            document.put("revision", "line\nbreak");
        });

        assertEquals(List.of("revision: must be 1-200 characters without control characters",
                "inside.host: must be a host name or an IP address, not \"inside host\"",
                "routes[0].partnerHost: must be a host name or an IP address, not \"\"",
                "routes[1].name: must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit"),
                errors);
    }

    @Test
    void refusesWrongJsonTypes() {
        List<String> errors = refuse(document -> {
            document.put("listeners", "0.0.0.0:6619");
            document.put("trust", "ca.pem");
            at(document, "/partners/0").putArray("allowedNetworks").add(10);
        });

        assertEquals(List.of("listeners: must be a JSON array", "trust: must be a JSON object",
                "partners[0].allowedNetworks[0]: must be a string"), errors);
    }

    private static List<String> refuse(Consumer<ObjectNode> spoil) {
        ObjectNode document = ConfigDocuments.valid(PKI);
        spoil.accept(document);
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(bytes(document))).errors();
    }
}
