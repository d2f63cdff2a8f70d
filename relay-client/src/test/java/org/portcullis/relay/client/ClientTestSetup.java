package org.portcullis.relay.client;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.portcullis.link.Backoff;
import org.portcullis.link.LinkCredentials;
import org.portcullis.link.LinkSettings;
import org.portcullis.relay.client.config.ConfigFileWatcher;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

/** The link identities of one test class and the wiring of a relay-client with shrunk timings. */
public final class ClientTestSetup {
    /** Reconnects come fast in tests. */
    public static final Backoff FAST_BACKOFF = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 0.2);
    /** The configuration file is checked often in tests. */
    public static final Duration CONFIG_CHECK = Duration.ofMillis(50);
    public static final Duration SSRM_TIMEOUT = Duration.ofSeconds(2);

    private final TestPki pki;
    private final Identity serverIdentity;
    private final PemFiles serverPem;
    private final PemFiles clientPem;
    public final ClientConfigs configs;

    public ClientTestSetup(TestPki pki) {
        this.pki = pki;
        this.serverIdentity = pki.server();
        this.serverPem = pki.write(serverIdentity, "link-server");
        Identity clientIdentity = pki.client("relay-client");
        this.clientPem = pki.write(clientIdentity, "link-client");
        this.configs = new ClientConfigs(pki);
    }

    /** relay-server's link credentials: it admits the client's certificate chained to the CA. */
    public LinkCredentials serverCredentials() {
        return new LinkCredentials(serverPem.certificateChain(), serverPem.privateKey(), serverPem.caCertificate(),
                null);
    }

    /** relay-client's link credentials, pinning the real server's identity. */
    public LinkCredentials clientCredentials() {
        return new LinkCredentials(clientPem.certificateChain(), clientPem.privateKey(), clientPem.caCertificate(),
                LinkCredentials.pinOf(serverIdentity.certificate()));
    }

    /** A second server identity from the same CA: valid, but not the pinned one. */
    public PemFiles rogueServerPem() {
        return pki.write(pki.server(), "rogue-server");
    }

    /** Writes a first configuration to {@code file}. */
    public Path writeConfig(Path file, String revision, int insidePort, List<ClientConfigs.Route> routes) {
        ClientConfigs.write(file, configs.document(revision, insidePort, routes));
        return file;
    }

    /** A relay-client for {@code server} with its configuration from {@code configFile}, not yet started. */
    public RelayClient client(InetSocketAddress server, Path configFile) {
        return new RelayClient(settings(server), ConfigFileWatcher.open(configFile, CONFIG_CHECK));
    }

    /** relay-client's settings for {@code server}, with fast reconnects. */
    public RelayClientSettings settings(InetSocketAddress server) {
        return new RelayClientSettings(server, null, clientCredentials(), LinkSettings.defaults(), FAST_BACKOFF,
                SSRM_TIMEOUT);
    }
}
