package org.portcullis.oftp2.peer;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * TLS settings of a peer (RFC 5024 §2.3, §6.2; TLS 1.2 and 1.3 only, as RFC 8996 requires): the caller
 * is the TLS client, the party called the TLS server.
 *
 * @param certificateChain own certificate chain (PEM): required for a Responder, optional for an Initiator
 * @param privateKey       the PKCS#8 PEM key of {@code certificateChain}, or {@code null} without one
 * @param trustedCa        CA certificates (PEM) the partner's certificate must chain to: for an Initiator the
 *                         server's CA ({@code null} = the JDK's default trust store); for a Responder the
 *                         client certificate CA, which makes a client certificate required ({@code null} =
 *                         no client certificate asked for)
 */
public record PeerTls(Path certificateChain, Path privateKey, Path trustedCa) {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    public PeerTls {
        if ((certificateChain == null) != (privateKey == null)) {
            throw new IllegalArgumentException("a certificate and its key go together");
        }
    }

    /** The server side of TLS, for a Responder. */
    public SslContext newServerContext() throws SSLException {
        if (certificateChain == null) {
            throw new IllegalStateException("a TLS Responder needs a certificate and key");
        }
        SslContextBuilder builder = SslContextBuilder.forServer(certificateChain.toFile(), privateKey.toFile())
                .protocols(PROTOCOLS);
        if (trustedCa != null) {
            builder.trustManager(trustedCa.toFile()).clientAuth(ClientAuth.REQUIRE);
        }
        return builder.build();
    }

    /** The client side of TLS, for an Initiator; the server's name is checked against its certificate. */
    public SslContext newClientContext() throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forClient().protocols(PROTOCOLS)
                .endpointIdentificationAlgorithm("HTTPS");
        if (trustedCa != null) {
            builder.trustManager(trustedCa.toFile());
        }
        if (certificateChain != null) {
            builder.keyManager(certificateChain.toFile(), privateKey.toFile());
        }
        return builder.build();
    }
}
