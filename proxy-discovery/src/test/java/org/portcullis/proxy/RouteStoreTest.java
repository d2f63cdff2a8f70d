package org.portcullis.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteStoreTest {
    private static final Target BACKEND = Target.of(URI.create("https://[2001:db8::1]:8443/config"));

    @TempDir
    Path folder;

    @Test
    void keepsTheRouteWithoutCredentials() throws IOException {
        RouteStore store = new RouteStore(folder.resolve("sub/state.properties"));
        ProxyEndpoint proxy = ProxyEndpoint.parse("https://relay:s3cret@proxy.example:3129");

        store.write(BACKEND, new Route(DiscoveryStep.FLAGS, "", proxy), Instant.EPOCH);
        RouteStore.Stored stored = new RouteStore(folder.resolve("sub/state.properties")).read().orElseThrow();

        assertEquals("[2001:db8::1]:8443", stored.target());
        assertEquals(ProxyEndpoint.of(true, "proxy.example", 3129), stored.proxy());
        assertFalse(Files.readString(folder.resolve("sub/state.properties")).contains("s3cret"));
    }

    @Test
    void replacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = folder.resolve("state.properties");
        RouteStore store = new RouteStore(file);

        store.write(BACKEND, new Route(DiscoveryStep.FLAGS, "", ProxyEndpoint.parse("a.example:1")), Instant.EPOCH);
        store.write(BACKEND, Route.direct(DiscoveryStep.DIRECT, ""), Instant.EPOCH);

        assertNull(store.read().orElseThrow().proxy());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aMissingFileIsNoRoute() throws IOException {
        assertTrue(new RouteStore(folder.resolve("absent")).read().isEmpty());
    }
}
