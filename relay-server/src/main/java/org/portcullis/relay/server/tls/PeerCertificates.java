package org.portcullis.relay.server.tls;

import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;

/** The certificate chain a partner presented in the TLS handshake (RFC 5024 §2.3). */
public final class PeerCertificates {
    private PeerCertificates() {
    }

    /** The partner's chain, leaf first; empty when it presented none. Call after the handshake succeeded. */
    public static List<X509Certificate> of(SslHandler tls) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : tls.engine().getSession().getPeerCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
            return chain;
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }
}
