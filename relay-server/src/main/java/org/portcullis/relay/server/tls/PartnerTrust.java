package org.portcullis.relay.server.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.portcullis.config.TrustConfig;

/**
 * The trust partner certificates are checked against (RFC 5024 §2.3), incoming and outgoing: PKIX chains to the
 * configured CAs, and revocation by the configured CRLs only. Nothing is fetched from the network: the backend
 * fetches the CRLs and ships them in the configuration. A certificate whose issuer has no (current) CRL in the
 * configuration passes the revocation check; one that a CRL lists is refused.
 */
final class PartnerTrust {
    private PartnerTrust() {
    }

    /** A trust manager factory for the configured CAs and CRLs; {@code null} when no CA is configured. */
    static TrustManagerFactory factory(TrustConfig trust) throws GeneralSecurityException {
        if (trust.caCertificates().isEmpty()) {
            return null;
        }
        Set<TrustAnchor> anchors = trust.caCertificates().stream()
                .map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toSet());
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, new X509CertSelector());
        if (trust.crls().isEmpty()) {
            parameters.setRevocationEnabled(false);
        } else {
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(trust.crls())));
            PKIXRevocationChecker revocation =
                    (PKIXRevocationChecker) CertPathValidator.getInstance("PKIX").getRevocationChecker();
            // CRLs from the configuration only: no OCSP, no download; no CRL for an issuer = not revoked.
            revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                    PKIXRevocationChecker.Option.NO_FALLBACK, PKIXRevocationChecker.Option.SOFT_FAIL));
            parameters.addCertPathChecker(revocation);
            parameters.setRevocationEnabled(true);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(new CertPathTrustManagerParameters(parameters));
        return factory;
    }

    /** Refuses every certificate: what an outgoing session gets when no CA is configured. */
    static final class NoTrust extends X509ExtendedTrustManager {
        private static CertificateException refusal() {
            return new CertificateException("no trusted CA is configured (trust.caCertificates is empty)");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw refusal();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw refusal();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw refusal();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw refusal();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw refusal();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw refusal();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
