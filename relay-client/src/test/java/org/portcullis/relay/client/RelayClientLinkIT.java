package org.portcullis.relay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.link.Link;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/** relay-client's link: dialling, the pinned server identity, pushing the configuration and its changes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RelayClientLinkIT {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @TempDir
    Path folder;

    private final ClientTestSetup setup = new ClientTestSetup(PKI);
    private final FakeRelayServer server = new FakeRelayServer(setup.serverCredentials());
    private RelayClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private Path config(String revision) {
        return setup.writeConfig(folder.resolve("relay.json"), revision, 3305, List.of());
    }

    @Test
    void dialsAndPushesTheConfigurationFromTheFile() throws Exception {
        InetSocketAddress address = server.start();
        Path file = config("first");
        client = setup.client(address, file);
        client.start();

        assertEquals("first", ClientConfigs.revision(server.nextConfig()));
        Link link = server.awaitLink();
        assertTrue(link.isActive());
        Await.until(() -> client.link().isPresent(), FakeRelayServer.WAIT, "the client to see its link");
    }

    @Test
    void pushesTheConfigurationAgainAfterTheServerDroppedTheLinkAndCameBack() throws Exception {
        InetSocketAddress address = server.start();
        client = setup.client(address, config("first"));
        client.start();
        assertEquals("first", ClientConfigs.revision(server.nextConfig()));

        server.awaitLink().close();
        assertEquals("first", ClientConfigs.revision(server.nextConfig()), "pushed again on the new link");

        server.stop();
        Await.until(() -> client.link().isEmpty(), FakeRelayServer.WAIT, "the client to see the link gone");
        server.restart();
        assertEquals("first", ClientConfigs.revision(server.nextConfig()), "pushed again once the server is back");
        assertEquals(3, server.linksUp());
    }

    @Test
    void dialsUntilTheServerIsThere() throws Exception {
        InetSocketAddress address = server.start();
        server.stop();
        client = setup.client(address, config("patient"));
        client.start();

        server.restart();
        assertEquals("patient", ClientConfigs.revision(server.nextConfig()));
    }

    @Test
    void pushesAChangedConfigurationFile() throws Exception {
        InetSocketAddress address = server.start();
        Path file = config("first");
        client = setup.client(address, file);
        client.start();
        assertEquals("first", ClientConfigs.revision(server.nextConfig()));

        ClientConfigs.write(file, setup.configs.document("second", 3306, List.of()));
        assertEquals("second", ClientConfigs.revision(server.nextConfig()));
    }

    @Test
    void refusesAnInvalidConfigurationFileAndKeepsTheLastGoodOne() throws Exception {
        InetSocketAddress address = server.start();
        Path file = config("first");
        client = setup.client(address, file);
        client.start();
        assertEquals("first", ClientConfigs.revision(server.nextConfig()));

        ClientConfigs.write(file, ClientConfigs.text("{\"schemaVersion\": 1, \"revision\": \"broken\"}"));
        ClientConfigs.write(file, setup.configs.document("third", 3306, List.of()));
        assertEquals("third", ClientConfigs.revision(server.nextConfig()), "the invalid one was never pushed");

        // A new link gets the last good configuration.
        server.awaitLink().close();
        assertEquals("third", ClientConfigs.revision(server.nextConfig()));
    }

    @Test
    void givesNothingToAServerWithAnotherIdentity() throws Exception {
        try (RogueTlsServer rogue = new RogueTlsServer(setup.rogueServerPem())) {
            client = setup.client(rogue.address(), config("secret"));
            client.start();

            Await.until(() -> rogue.connections() >= 3, FakeRelayServer.WAIT, "the client to dial again and again");
            assertEquals(0, rogue.octets(), "no application octet, so no configuration");
            assertTrue(client.link().isEmpty());
        }
    }
}
