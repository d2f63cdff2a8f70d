package org.portcullis.relay.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.config.ClientCertificatePolicy;
import org.portcullis.config.InsideConfig;
import org.portcullis.config.ListenerConfig;
import org.portcullis.config.PartnerConfig;
import org.portcullis.config.PasswordHash;
import org.portcullis.config.RelayConfig;
import org.portcullis.config.TlsIdentity;
import org.portcullis.config.TrustConfig;
import org.portcullis.link.TlsProvider;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

class PartnerTlsTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    private static final String HASH = PasswordHash.create("SECRET".toCharArray());

    private static PartnerConfig partner(String id, ClientCertificatePolicy policy) {
        return new PartnerConfig(id, HASH, List.of(), List.of(), policy);
    }

    private static RelayConfig config(List<PartnerConfig> partners) throws Exception {
        PemFiles server = PKI.write(PKI.server(), "server");
        return new RelayConfig(RelayConfig.SCHEMA_VERSION, "1", List.of(new ListenerConfig("127.0.0.1", 0)),
                new TlsIdentity(Files.readString(server.certificateChain()), Files.readString(server.privateKey())),
                new TrustConfig(List.of(Files.readString(PKI.writeCa())), List.of()), partners,
                new InsideConfig("127.0.0.1", 3305, Duration.ofSeconds(5)), null, null, null, null);
    }

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void offersTls12And13WithStrongSuitesOnly(TlsProvider provider) throws Exception {
        SslContext server = PartnerTls.serverContext(config(List.of(partner("O0013000000A",
                ClientCertificatePolicy.REQUIRED))), provider);
        SSLEngine engine = server.newEngine(ByteBufAllocator.DEFAULT);
        // Netty names SSLv2Hello for every BoringSSL engine: a hello format, not a version, and one BoringSSL no
        // longer accepts at all.
        List<String> versions = List.of(engine.getEnabledProtocols()).stream()
                .filter(name -> !name.equals("SSLv2Hello")).toList();
        assertEquals(Set.of("TLSv1.2", "TLSv1.3"), Set.copyOf(versions),
                () -> List.of(engine.getEnabledProtocols()).toString());
        assertTrue(PartnerTls.CIPHERS.containsAll(List.of(engine.getEnabledCipherSuites())),
                () -> List.of(engine.getEnabledCipherSuites()).toString());
        assertTrue(engine.getNeedClientAuth());
    }

    @Test
    void requiresACertificateInTlsOnlyWhenEveryPartnerRequiresOne() {
        assertEquals(ClientAuth.REQUIRE, PartnerTls.clientAuth(List.of(
                partner("O0013000000A", ClientCertificatePolicy.REQUIRED),
                partner("O0013000000B", ClientCertificatePolicy.REQUIRED))));
        assertEquals(ClientAuth.OPTIONAL, PartnerTls.clientAuth(List.of(
                partner("O0013000000A", ClientCertificatePolicy.REQUIRED),
                partner("O0013000000B", ClientCertificatePolicy.NONE))));
        assertEquals(ClientAuth.OPTIONAL, PartnerTls.clientAuth(List.of()));
    }

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void asksForACertificateWithoutRequiringItWhenSomePartnerNeedsNone(TlsProvider provider) throws Exception {
        SSLEngine engine = PartnerTls.serverContext(config(List.of(partner("O0013000000A",
                ClientCertificatePolicy.OPTIONAL))), provider).newEngine(ByteBufAllocator.DEFAULT);
        assertTrue(engine.getWantClientAuth());
        assertFalse(engine.getNeedClientAuth());
    }
}
