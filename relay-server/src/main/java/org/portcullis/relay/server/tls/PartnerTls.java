package org.portcullis.relay.server.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.portcullis.config.ClientCertificatePolicy;
import org.portcullis.config.PartnerConfig;
import org.portcullis.config.RelayConfig;
import org.portcullis.config.TlsIdentity;
import org.portcullis.daemon.tls.TlsPolicy;
import org.portcullis.link.TlsProvider;

/**
 * The TLS contexts of partner sessions (RFC 5024 §2.3; TLS 1.2 and 1.3 only, as RFC 8996 requires): the server
 * side for the public listeners and the client side for outgoing routes, with forward-secret AEAD suites only.
 */
public final class PartnerTls {
    /** The protocol versions offered: {@link TlsPolicy#PROTOCOLS}. */
    public static final List<String> PROTOCOLS = TlsPolicy.PROTOCOLS;
    /** The cipher suites offered, strongest first: {@link TlsPolicy#CIPHERS}. */
    public static final List<String> CIPHERS = TlsPolicy.CIPHERS;

    private PartnerTls() {
    }

    /**
     * The server context for the public listeners: the configured server identity, client certificates checked
     * against the trusted CAs and CRLs, asked for as {@link #clientAuth} says.
     */
    public static SslContext serverContext(RelayConfig config, TlsProvider provider)
            throws SSLException, GeneralSecurityException {
        TlsIdentity identity = config.serverIdentity();
        TrustManagerFactory trust = PartnerTrust.factory(config.trust());
        SslContextBuilder builder = SslContextBuilder.forServer(identity.privateKey(), chain(identity))
                .sslProvider(provider.netty())
                .protocols(PROTOCOLS).ciphers(CIPHERS, SupportedCipherSuiteFilter.INSTANCE);
        if (trust == null) {
            // No CA to check a certificate against: none is asked for (partners that require one are refused).
            return builder.clientAuth(ClientAuth.NONE).build();
        }
        return builder.trustManager(trust).clientAuth(clientAuth(config.partners())).build();
    }

    /**
     * The client context for outgoing routes: the outgoing identity (or the server's), the partner's certificate
     * checked against the trusted CAs and CRLs, and its host name against the certificate.
     */
    public static SslContext clientContext(RelayConfig config, TlsProvider provider)
            throws SSLException, GeneralSecurityException {
        TlsIdentity identity = config.outgoing().identityOr(config.serverIdentity());
        TrustManagerFactory trust = PartnerTrust.factory(config.trust());
        SslContextBuilder builder = SslContextBuilder.forClient().keyManager(identity.privateKey(), chain(identity))
                .sslProvider(provider.netty())
                .protocols(PROTOCOLS).ciphers(CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .endpointIdentificationAlgorithm("HTTPS");
        return (trust == null ? builder.trustManager(new PartnerTrust.NoTrust()) : builder.trustManager(trust))
                .build();
    }

    /**
     * REQUIRE when every partner requires a certificate, so a missing one fails TLS itself; otherwise OPTIONAL,
     * and a partner whose policy requires one but sent none is refused after its SSID (ESID 04). REQUIRE as soon
     * as any partner requires one would lock out the partners configured without a certificate.
     */
    static ClientAuth clientAuth(List<PartnerConfig> partners) {
        boolean allRequire = !partners.isEmpty() && partners.stream()
                .allMatch(partner -> partner.clientCertificate() == ClientCertificatePolicy.REQUIRED);
        return allRequire ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL;
    }

    private static X509Certificate[] chain(TlsIdentity identity) {
        return identity.certificateChain().toArray(X509Certificate[]::new);
    }
}
