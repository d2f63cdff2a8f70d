package org.portcullis.relay.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import org.portcullis.link.Backoff;
import org.portcullis.link.LinkCredentials;
import org.portcullis.link.LinkSettings;

/**
 * What relay-client needs besides its configuration document: where relay-server is and how to reach it.
 *
 * @param server       relay-server's link address ({@code -S host[:port]}, default port 2878); a name stays
 *                     unresolved until dialled
 * @param localAddress the address the link is dialled from ({@code -o}), or {@code null} for any
 * @param credentials  the link certificate, key, trusted CA and the pin of the server's link identity
 * @param link         the link's heartbeat, window and handshake settings, default {@link LinkSettings#defaults()}
 * @param backoff      the reconnect delays, default {@link Backoff#defaults()} (1 s doubling to 5 s, 20 % jitter)
 * @param ssrmTimeout  how long the inside daemon may take to send SSRM once connected, default 10 s
 */
public record RelayClientSettings(InetSocketAddress server, InetAddress localAddress, LinkCredentials credentials,
        LinkSettings link, Backoff backoff, Duration ssrmTimeout) {

    /** The default time the inside daemon has to send SSRM. */
    public static final Duration DEFAULT_SSRM_TIMEOUT = Duration.ofSeconds(10);

    public RelayClientSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(ssrmTimeout, "ssrmTimeout");
        if (ssrmTimeout.isNegative() || ssrmTimeout.isZero()) {
            throw new IllegalArgumentException("the SSRM timeout must be positive");
        }
    }

    /** The settings with every default. */
    public static RelayClientSettings defaults(InetSocketAddress server, InetAddress localAddress,
            LinkCredentials credentials) {
        return new RelayClientSettings(server, localAddress, credentials, LinkSettings.defaults(), Backoff.defaults(),
                DEFAULT_SSRM_TIMEOUT);
    }
}
