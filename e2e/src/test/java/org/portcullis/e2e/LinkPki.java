package org.portcullis.e2e;

import java.util.List;
import org.portcullis.link.LinkCredentials;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

/**
 * The link's credentials as both daemons read them from disk: a certificate each from the run's CA, and each side
 * pinning the other's (docs/link-protocol.md, Transport).
 */
final class LinkPki {
    private final Identity serverIdentity;
    private final PemFiles serverPem;
    private final Identity clientIdentity;
    private final PemFiles clientPem;

    LinkPki(TestPki pki) {
        this.serverIdentity = pki.server();
        this.serverPem = pki.write(serverIdentity, "link-server");
        this.clientIdentity = pki.client("relay-client");
        this.clientPem = pki.write(clientIdentity, "link-client");
    }

    /** relay-server's: its certificate, the CA, relay-client's certificate pinned. */
    LinkCredentials server() {
        return new LinkCredentials(serverPem.certificateChain(), serverPem.privateKey(), serverPem.caCertificate(),
                LinkCredentials.pinOf(clientIdentity.certificate()));
    }

    /** relay-client's: its certificate, the CA, relay-server's certificate pinned. */
    LinkCredentials client() {
        return new LinkCredentials(clientPem.certificateChain(), clientPem.privateKey(), clientPem.caCertificate(),
                LinkCredentials.pinOf(serverIdentity.certificate()));
    }

    /** relay-client's link options on its command line. */
    List<String> clientArguments() {
        LinkCredentials client = client();
        return List.of("--link-cert", client.certificateChain().toString(), "--link-key",
                client.privateKey().toString(), "--link-ca", client.trustedCa().toString(), "--server-pin",
                client.peerPin());
    }

    /** relay-server's link options on its command line. */
    List<String> serverArguments() {
        LinkCredentials server = server();
        return List.of("--link-cert", server.certificateChain().toString(), "--link-key",
                server.privateKey().toString(), "--link-ca", server.trustedCa().toString(), "--link-pin",
                server.peerPin());
    }
}
