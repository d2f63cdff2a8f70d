package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.link.LinkCredentials;
import org.portcullis.link.LinkSettings;
import org.portcullis.relay.server.RelayServer;
import org.portcullis.relay.server.RelayServerSettings;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

/**
 * The link admits only the two daemons that know each other (docs/link-protocol.md, Transport): a link peer
 * without relay-client's certificate gets not one octet from relay-server, and a server with another identity than
 * the pinned one gets nothing from relay-client, above all not its configuration.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LinkIdentityIT {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    @Test
    void aLinkPeerWithoutRelayClientsCertificateGetsNothing() throws Exception {
        assertGetsNothing(PKI.untrustedClient("relay-client"), "a certificate of another CA");
        assertGetsNothing(PKI.client("relay-client"), "a certificate of the CA, but not the pinned one");
        assertGetsNothing(null, "no certificate");
        assertFalse(relay.server().linkUp(), "no link came up");
        assertTrue(relay.server().partnerAddresses().isEmpty(), "relay-server got no configuration");

        relay.startClient(relay.config());
        assertTrue(relay.server().linkUp(), "relay-client itself is admitted");
    }

    @Test
    void aServerWithAnotherIdentityGetsNothingFromRelayClient() throws Exception {
        assertServerGetsNothing(PKI.server(), "a certificate of the CA, but not the pinned one");
        assertServerGetsNothing(PKI.untrustedServer(), "a certificate of another CA");
    }

    private void assertGetsNothing(Identity certificate, String what) throws Exception {
        try (RawLinkPeer peer = RawLinkPeer.connect(relay.group(), relay.linkAddress(), certificate,
                PKI.ca().certificate())) {
            assertTrue(peer.closedWithin(RelayPath.TIMEOUT), what + ": relay-server closes the connection");
            assertEquals(0, peer.received(), what + ": octets of the link protocol received");
        }
    }

    /**
     * A real relay-server with the other identity, reached through a counting front: relay-client dials it again and
     * again (so each attempt failed) and it never gets a link, so never a configuration.
     */
    private void assertServerGetsNothing(Identity identity, String what) throws Exception {
        PemFiles rogueFiles = PKI.write(identity, "rogue-link-server");
        LinkCredentials rogueCredentials = new LinkCredentials(rogueFiles.certificateChain(), rogueFiles.privateKey(),
                PKI.writeCa(), null);
        try (RelayServer rogue = new RelayServer(new RelayServerSettings(new InetSocketAddress("127.0.0.1", 0),
                rogueCredentials, LinkSettings.defaults(), record -> { }, relay.license().check()));
                InsideFront front = new InsideFront(relay.group(), rogue.start())) {
            try (var client = relay.startClient(relay.config(), front.address())) {
                Await.until(() -> front.connections() >= 3, RelayPath.TIMEOUT, what + ": relay-client's attempts");
                assertFalse(rogue.linkUp(), what + ": the rogue got a link");
                assertTrue(rogue.partnerAddresses().isEmpty(), what + ": the rogue got relay-client's configuration");
                assertFalse(client.link().isPresent(), what + ": relay-client has a link");
            }
        }
    }
}
