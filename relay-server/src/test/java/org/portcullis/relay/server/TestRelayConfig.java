package org.portcullis.relay.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.portcullis.config.ClientCertificatePolicy;
import org.portcullis.config.ConfigLoader;
import org.portcullis.config.InsideConfig;
import org.portcullis.config.LimitConfig;
import org.portcullis.config.ListenerConfig;
import org.portcullis.config.OutgoingConfig;
import org.portcullis.config.PartnerConfig;
import org.portcullis.config.PasswordHash;
import org.portcullis.config.RelayConfig;
import org.portcullis.config.RouteConfig;
import org.portcullis.config.TimeoutConfig;
import org.portcullis.config.TlsIdentity;
import org.portcullis.config.TrustConfig;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

/** A configuration document for relay-server tests, built from the run's TestPki; loopback listeners on port 0. */
final class TestRelayConfig {
    static final String PARTNER_ID = "O0013000000PARTNER";
    static final String PARTNER_PASSWORD = "PSECRET";
    static final String INSIDE_ID = "O0013000000INSIDE";
    private static final String PARTNER_HASH = PasswordHash.create(PARTNER_PASSWORD.toCharArray());

    private final TlsIdentity serverIdentity;
    private final String caPem;
    private final TestPki pki;
    private String revision = "1";
    private List<ListenerConfig> listeners = List.of(new ListenerConfig("127.0.0.1", 0));
    private final List<PartnerConfig> partners = new ArrayList<>();
    private final List<String> crls = new ArrayList<>();
    private final List<RouteConfig> routes = new ArrayList<>();
    private OutgoingConfig outgoing = OutgoingConfig.defaults();
    private TimeoutConfig timeouts = TimeoutConfig.defaults();
    private LimitConfig limits = LimitConfig.defaults();

    /** The partner {@link #PARTNER_ID} with password {@link #PARTNER_PASSWORD}, certificate required. */
    TestRelayConfig(TestPki pki) {
        this.pki = pki;
        PemFiles server = pki.write(pki.server(), "partner-server");
        this.serverIdentity = new TlsIdentity(read(server.certificateChain()), read(server.privateKey()));
        this.caPem = read(pki.writeCa());
        partners.add(partner(PARTNER_ID));
    }

    /** A partner with the test password, a required certificate, no pins, from anywhere. */
    static PartnerConfig partner(String odetteId) {
        return new PartnerConfig(odetteId, PARTNER_HASH, List.of(), List.of(), ClientCertificatePolicy.REQUIRED);
    }

    TestRelayConfig revision(String value) {
        revision = value;
        return this;
    }

    TestRelayConfig listeners(ListenerConfig... values) {
        listeners = List.of(values);
        return this;
    }

    /** Replaces the partners. */
    TestRelayConfig partners(PartnerConfig... values) {
        partners.clear();
        partners.addAll(List.of(values));
        return this;
    }

    TestRelayConfig addPartner(PartnerConfig partner) {
        partners.add(partner);
        return this;
    }

    TestRelayConfig crl(X509CRL crl) {
        crls.add(read(pki.write(crl, "partners-" + crls.size())));
        return this;
    }

    TestRelayConfig route(RouteConfig route) {
        routes.add(route);
        return this;
    }

    TestRelayConfig outgoing(OutgoingConfig value) {
        outgoing = value;
        return this;
    }

    TestRelayConfig timeouts(TimeoutConfig value) {
        timeouts = value;
        return this;
    }

    TestRelayConfig limits(LimitConfig value) {
        limits = value;
        return this;
    }

    RelayConfig build() {
        return new RelayConfig(RelayConfig.SCHEMA_VERSION, revision, listeners, serverIdentity,
                new TrustConfig(List.of(caPem), crls), partners,
                new InsideConfig("127.0.0.1", InsideConfig.DEFAULT_PORT, Duration.ofSeconds(5)), routes, outgoing,
                timeouts, limits);
    }

    /** The document as relay-client sends it. */
    byte[] json() {
        return ConfigLoader.toJson(build());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
