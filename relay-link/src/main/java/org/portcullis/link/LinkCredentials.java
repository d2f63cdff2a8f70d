package org.portcullis.link;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The link's TLS identity and trust, as PEM files: TLS 1.3 only, mutual authentication, optional certificate pin.
 *
 * @param certificateChain this side's certificate chain (PEM)
 * @param privateKey       its unencrypted PKCS#8 private key (PEM)
 * @param trustedCa        the CA certificate(s) the peer's certificate must chain to (PEM)
 * @param peerPin          optional {@code sha256:<hex of the DER certificate>} the peer's certificate must match
 */
public record LinkCredentials(Path certificateChain, Path privateKey, Path trustedCa, String peerPin) {

    private static final Pattern PIN = Pattern.compile("sha256:[0-9a-fA-F]{64}");
    private static final String TLS_13 = "TLSv1.3";

    public LinkCredentials {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(trustedCa, "trustedCa");
        if (peerPin != null && !PIN.matcher(peerPin).matches()) {
            throw new LinkException("link peer pin must be sha256:<64 hex digits>, not " + peerPin);
        }
    }

    /** The pin of a certificate: {@code sha256:} and the lower-case hex SHA-256 of its DER encoding. */
    public static String pinOf(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new LinkException("cannot compute the pin of " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** Whether {@code certificate} matches {@link #peerPin()} (true when no pin is set). */
    public boolean matchesPin(X509Certificate certificate) {
        return peerPin == null || pinOf(certificate).equals(peerPin.toLowerCase(Locale.ROOT));
    }

    /** The relay-server's context with the preferred TLS provider. */
    public SslContext serverContext() {
        return serverContext(TlsProvider.preferred());
    }

    /** The relay-client's context with the preferred TLS provider. */
    public SslContext clientContext() {
        return clientContext(TlsProvider.preferred());
    }

    /** The relay-server's context: TLS 1.3, client certificate required, chained to the trusted CA and pinned. */
    public SslContext serverContext(TlsProvider provider) {
        try {
            return SslContextBuilder.forServer(certificateChain.toFile(), privateKey.toFile())
                    .sslProvider(provider.netty())
                    .protocols(TLS_13)
                    .clientAuth(ClientAuth.REQUIRE)
                    .trustManager(new PinningTrustManager(trustedCa, this))
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new LinkException("cannot build the link's TLS context from " + certificateChain + " and "
                    + privateKey, e);
        }
    }

    /** The relay-client's context: TLS 1.3, its certificate presented, the server chained to the CA and pinned. */
    public SslContext clientContext(TlsProvider provider) {
        try {
            return SslContextBuilder.forClient()
                    .sslProvider(provider.netty())
                    .protocols(TLS_13)
                    .keyManager(certificateChain.toFile(), privateKey.toFile())
                    .trustManager(new PinningTrustManager(trustedCa, this))
                    // The link CA and the pin identify relay-server; the address it is dialled at may be a NAT's.
                    .endpointIdentificationAlgorithm(null)
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new LinkException("cannot build the link's TLS context from " + certificateChain + " and "
                    + privateKey, e);
        }
    }
}
