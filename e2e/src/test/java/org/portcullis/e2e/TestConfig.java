package org.portcullis.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.portcullis.config.ClientCertificatePolicy;
import org.portcullis.config.ConfigLoader;
import org.portcullis.config.InsideConfig;
import org.portcullis.config.LimitConfig;
import org.portcullis.config.ListenerConfig;
import org.portcullis.config.PartnerConfig;
import org.portcullis.config.PasswordHash;
import org.portcullis.config.RelayConfig;
import org.portcullis.config.RouteConfig;
import org.portcullis.config.TlsIdentity;
import org.portcullis.config.TrustConfig;
import org.portcullis.testkit.Identity;

/**
 * The configuration documents of the end-to-end tests, built with relay-config as the backend would serve them:
 * one public listener on loopback port 0, the run's CA trusted, the partner {@link #PARTNER_ID}, the inside daemon
 * at a loopback address.
 */
final class TestConfig {
    /** The partner that calls in. */
    static final String PARTNER_ID = "O0013000000PARTNER";
    static final String PARTNER_PASSWORD = "PSECRET";
    /** The company's own OFTP2 daemon inside. */
    static final String INSIDE_ID = "O0013000000INSIDE";
    static final String INSIDE_PASSWORD = "ISECRET";
    /** The partner an outgoing route reaches, and the password it expects from the inside daemon. */
    static final String REMOTE_ID = "O0013000000REMOTE";
    static final String REMOTE_PASSWORD = "RSECRET";
    /** The name of the outgoing route to {@link #REMOTE_ID}. */
    static final String ROUTE = "remote";
    /**
     * Every partner of the tests comes from 127.0.0.1 and some tests open dozens of connections a minute: the rate
     * limit is not what they test.
     */
    static final int CONNECTIONS_PER_MINUTE = 100_000;

    /** Hashing is slow by design (PBKDF2): one hash per run, for every partner. */
    private static final String PASSWORD_HASH = PasswordHash.create(PARTNER_PASSWORD.toCharArray());

    private TestConfig() {
    }

    /** Revision 1: the partner {@link #PARTNER_ID} with a required client certificate, no routes. */
    static RelayConfig base(Identity serverIdentity, X509Certificate ca, InetSocketAddress inside) {
        return RelayConfig.of("1", List.of(new ListenerConfig("127.0.0.1", 0)), identity(serverIdentity),
                        new InsideConfig(inside.getHostString(), inside.getPort(), Duration.ofSeconds(5)))
                .withTrust(TrustConfig.of(List.of(ca), List.of()))
                .withPartners(List.of(partner(PARTNER_ID)))
                .withLimits(new LimitConfig(LimitConfig.DEFAULT_MAX_SESSIONS, CONNECTIONS_PER_MINUTE));
    }

    /** A partner with the password {@link #PARTNER_PASSWORD}, a required client certificate, from anywhere. */
    static PartnerConfig partner(String odetteId) {
        return new PartnerConfig(odetteId, PASSWORD_HASH, List.of(), List.of(), ClientCertificatePolicy.REQUIRED);
    }

    /** The route {@link #ROUTE} on a free loopback port of relay-client to {@link #REMOTE_ID} at {@code partner}. */
    static RouteConfig route(InetSocketAddress partner) {
        return new RouteConfig(ROUTE, "127.0.0.1", 0, REMOTE_ID, partner.getHostString(), partner.getPort(), null);
    }

    /** A TLS identity of the document from a test identity. */
    static TlsIdentity identity(Identity identity) {
        return TlsIdentity.of(List.of(identity.certificate()), identity.privateKey());
    }

    /**
     * Writes the document as relay-client's {@code --config-file} reads it, replacing the file by renaming, so the
     * watcher never reads half a document.
     */
    static Path write(Path file, RelayConfig config) {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try {
            Files.write(next, ConfigLoader.toJson(ConfigLoader.validate(config)));
            return Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
