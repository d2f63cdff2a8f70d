package org.portcullis.daemon.tls;

import java.util.List;

/**
 * What every TLS server of Portcullis accepts (the public listeners, the link, backend-api's API): TLS 1.2 and 1.3
 * only (RFC 8996), forward-secret AEAD cipher suites only (no CBC, no RSA key exchange, no 3DES), and no
 * renegotiation asked for by a client.
 */
public final class TlsPolicy {
    /** The protocol versions offered. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** The cipher suites offered, strongest first: AEAD with ephemeral key exchange only. */
    public static final List<String> CIPHERS = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    /**
     * The JDK's switch that refuses a renegotiation a client asks for in TLS 1.2 (TLS 1.3 has none). The JDK reads
     * it once, at the first server handshake of the JVM: it must be set before.
     */
    static final String REJECT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

    private TlsPolicy() {
    }

    /**
     * Makes this JVM's TLS servers refuse a renegotiation asked for by a client. Called by each server's lifecycle
     * class before it listens; it is a switch of the JDK's, so it holds for the whole JVM.
     */
    public static void refuseClientRenegotiation() {
        System.setProperty(REJECT_RENEGOTIATION, "true");
    }
}
