package org.portcullis.benchmarks.relay;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.PeerTls;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Where the sessions of a workload go and as whom (RFC 5024 §5.3.2): the address, the partner's Odette ID
 * and password, and TLS with a client certificate when the target is a relay; plain TCP to the daemon.
 */
final class Target {
    @Option(names = "--connect", required = true, paramLabel = "HOST:PORT", converter = Address.class,
            description = "The relay's partner listener, or the inside daemon itself (without --tls).")
    InetSocketAddress address;

    @Option(names = "--odette-id", required = true, paramLabel = "ID", description = "The partner's Odette ID.")
    String odetteId;

    @Option(names = "--password", required = true, paramLabel = "PW", description = "The partner's password.")
    String password;

    @Option(names = "--destination", required = true, paramLabel = "ID",
            description = "The inside daemon's Odette ID (SFIDDEST).")
    String destination;

    @Option(names = "--tls", description = "TLS with a client certificate; needs --ca, --cert and --key.")
    boolean tls;

    @Option(names = "--ca", paramLabel = "PEM", description = "CA the relay's certificate chains to.")
    Path ca;

    @Option(names = "--cert", paramLabel = "PEM", description = "The partner's certificate chain.")
    Path cert;

    @Option(names = "--key", paramLabel = "PEM", description = "The partner's PKCS#8 key.")
    Path key;

    /** The reference peer's settings for a session sending the files of {@code sendDir}. */
    PeerConfig peerConfig(Path sendDir) {
        return PeerConfig.builder(odetteId, password).sendDir(sendDir).tls(peerTls()).build();
    }

    /** The TLS settings, or {@code null} for plain TCP. */
    PeerTls peerTls() {
        return tls ? new PeerTls(cert, key, ca) : null;
    }

    /** Reads {@code HOST:PORT}; the host name stays as given, since the relay's certificate names it. */
    static final class Address implements ITypeConverter<InetSocketAddress> {
        @Override
        public InetSocketAddress convert(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0) {
                throw new TypeConversionException("'" + value + "' is not HOST:PORT");
            }
            try {
                return new InetSocketAddress(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "': " + e.getMessage());
            }
        }
    }
}
