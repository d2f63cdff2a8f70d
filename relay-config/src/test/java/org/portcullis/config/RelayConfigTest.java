package org.portcullis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.TestPki;

/** Configurations built in code, as the daemons' tests build them. */
class RelayConfigTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @Test
    void buildsAndValidatesAConfigurationInCode() {
        Identity server = PKI.server();
        Identity partnerCertificate = PKI.client("O0013PARTNER");
        RelayConfig config = RelayConfig.of("test-1", List.of(new ListenerConfig("127.0.0.1", 0)),
                        TlsIdentity.of(List.of(server.certificate()), server.privateKey()),
                        new InsideConfig("127.0.0.1", 3305, Duration.ofSeconds(2)))
                .withTrust(TrustConfig.of(List.of(PKI.ca().certificate()), List.of(PKI.crl())))
                .withPartners(List.of(new PartnerConfig("O0013PARTNER", ConfigDocuments.PASSWORD_HASH,
                        List.of(CertificatePin.of(partnerCertificate.certificate()).toString()), List.of("127.0.0.1"),
                        ClientCertificatePolicy.REQUIRED)))
                .withRoutes(List.of(new RouteConfig("out", "127.0.0.1", 0, "O0013PARTNER", "localhost", 6619, null)))
                .withTimeouts(new TimeoutConfig(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)))
                .withLimits(new LimitConfig(5, 10));

        assertEquals(config, ConfigLoader.validate(config));
        assertEquals(server.certificate(), config.serverIdentity().certificate());
        assertEquals(server.privateKey(), config.serverIdentity().privateKey());
        assertEquals(List.of(PKI.ca().certificate()), config.trust().caCertificates());
        assertEquals("test-2", config.withRevision("test-2").revision());
    }

    @Test
    void validateRefusesWhatTheLoaderRefuses() {
        Identity expired = PKI.expiredServer();
        RelayConfig config = RelayConfig.of("test-1", List.of(new ListenerConfig("::1", 0)),
                TlsIdentity.of(List.of(expired.certificate()), expired.privateKey()),
                new InsideConfig("localhost", 3305, Duration.ofSeconds(2)));

        ConfigException refused = assertThrows(ConfigException.class, () -> ConfigLoader.validate(config));

        assertEquals(1, refused.errors().size(), refused.errors()::toString);
        assertTrue(refused.errors().get(0).startsWith("serverIdentity.certificateChainPem: the certificate"));
    }

    @Test
    void neverShowsTheKey() {
        Identity server = PKI.server();
        TlsIdentity identity = TlsIdentity.of(List.of(server.certificate()), server.privateKey());
        String keyBody = identity.privateKeyPem().split("\n")[1];

        assertFalse(identity.toString().contains(keyBody), identity.toString());
        assertTrue(identity.toString().contains("key=EC (not shown)"), identity.toString());
        RelayConfig config = RelayConfig.of("r", List.of(new ListenerConfig("0.0.0.0", 6619)), identity,
                new InsideConfig("localhost", 3305, Duration.ofSeconds(1)));
        assertFalse(config.toString().contains(keyBody));
        PartnerConfig partner = new PartnerConfig("P", ConfigDocuments.PASSWORD_HASH, null, null, null);
        assertFalse(partner.toString().contains(ConfigDocuments.PASSWORD_HASH));
    }

    @Test
    void recordsRefuseWhatCannotBeRight() {
        assertThrows(IllegalArgumentException.class,
                () -> new PartnerConfig("lower case", ConfigDocuments.PASSWORD_HASH, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new PartnerConfig("P", "plain", null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new PartnerConfig("P", ConfigDocuments.PASSWORD_HASH, List.of("sha256:00"), null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new PartnerConfig("P", ConfigDocuments.PASSWORD_HASH, null, List.of("10.0.0.1/8"), null));
        assertThrows(IllegalArgumentException.class, () -> new TimeoutConfig(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new LimitConfig(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RouteConfig("r", "localhost", 1, "P", "h", 1, null));
        ConfigException badPem = assertThrows(ConfigException.class, () -> new TlsIdentity("x", "y"));
        assertEquals(2, badPem.errors().size());
    }
}
