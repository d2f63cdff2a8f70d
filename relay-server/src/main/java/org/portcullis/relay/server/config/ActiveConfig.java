package org.portcullis.relay.server.config;

import io.netty.handler.ssl.SslContext;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.net.ssl.SSLException;
import org.portcullis.config.RelayConfig;
import org.portcullis.link.TlsProvider;
import org.portcullis.relay.server.tls.PartnerTls;

/**
 * A configuration in force with what is built from it once: the TLS contexts. Each session takes the one in
 * force when it starts and keeps it to its end.
 *
 * @param config        the document
 * @param partnerServer TLS for the public listeners
 * @param outgoing      TLS for sessions the relay originates
 */
public record ActiveConfig(RelayConfig config, SslContext partnerServer, SslContext outgoing) {

    public ActiveConfig {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(partnerServer, "partnerServer");
        Objects.requireNonNull(outgoing, "outgoing");
    }

    /** Builds the TLS contexts of a validated configuration with {@code tls}. */
    public static ActiveConfig of(RelayConfig config, TlsProvider tls) throws SSLException, GeneralSecurityException {
        return new ActiveConfig(config, PartnerTls.serverContext(config, tls), PartnerTls.clientContext(config, tls));
    }
}
