package org.portcullis.relay.client.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portcullis.proxy.DiscoveryStep;
import org.portcullis.proxy.ProxyEndpoint;
import org.portcullis.relay.client.cli.Token;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class BackendOptionsTest {
    private static final URI URL = URI.create("https://backend.example:8443");
    private static final Token TOKEN = Token.parse("token-for-tests");

    /** Host of the mixin, as RelayClientMain has it. */
    @Command
    static final class Host {
        @Mixin
        BackendOptions options;
    }

    private static BackendSettings settings(String... args) {
        Host host = new Host();
        new CommandLine(host).parseArgs(args);
        return host.options.settings(URL, TOKEN, "relay.example", Map.of("HTTPS_PROXY", "http://env-proxy:3128"));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        BackendSettings settings = settings();

        assertEquals(Duration.ofSeconds(60), settings.pollInterval());
        assertEquals(Duration.ofSeconds(55), settings.longPollWait());
        assertEquals(Duration.ofSeconds(3600), settings.outbound().connectionTtl());
        assertNull(settings.outbound().trustedCas(), "the system's trust store");
        assertTrue(settings.discovery().enabled());
        assertEquals(DiscoveryStep.DEFAULT_ORDER, settings.discovery().order());
        assertTrue(settings.discovery().proxies().isEmpty());
        assertEquals(Path.of(BackendOptions.DEFAULT_STATE_FILE), settings.discovery().stateFile());
        assertEquals("http://env-proxy:3128", settings.discovery().environment().get("HTTPS_PROXY"));
        assertEquals(URI.create("https://backend.example:8443/v1/config"), settings.endpoints().config());
        assertEquals("relay.example", settings.relayName());
    }

    @Test
    void everyOptionIsTaken() {
        BackendSettings settings = settings("--poll-interval", "5m", "--long-poll", "0", "--connection-ttl", "PT2H",
                "--backend-ca", "/etc/portcullis/backend-ca.pem", "--proxy-discovery=false",
                "--proxy-discovery-order", "flags,direct", "--proxy",
                "http://relay:s%2Ccret@proxy-a.example:3128,https://proxy-b.example", "--state-file", "/tmp/route");

        assertEquals(Duration.ofMinutes(5), settings.pollInterval());
        assertEquals(Duration.ZERO, settings.longPollWait());
        assertEquals(Duration.ofHours(2), settings.outbound().connectionTtl());
        assertEquals(Path.of("/etc/portcullis/backend-ca.pem"), settings.outbound().trustedCas());
        assertFalse(settings.discovery().enabled());
        assertEquals(List.of(DiscoveryStep.FLAGS, DiscoveryStep.DIRECT), settings.discovery().order());
        assertEquals(List.of(new ProxyEndpoint(false, "proxy-a.example", 3128, "relay", "s,cret"),
                ProxyEndpoint.of(true, "proxy-b.example", 443)), settings.discovery().proxies());
        assertEquals(Path.of("/tmp/route"), settings.discovery().stateFile());
        assertEquals(Duration.ofMillis(500), settings("--poll-interval", "500ms").pollInterval());
        assertEquals(Duration.ofSeconds(90), settings("--poll-interval", "90").pollInterval());
    }

    @Test
    void aWrongValueNamesItsOptionAndNeverAProxysPassword() {
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> settings("--proxy-discovery-order", "db,pac"));
        assertTrue(order.getMessage().startsWith("Invalid value for option '--proxy-discovery-order'"),
                order.getMessage());
        IllegalArgumentException proxy = assertThrows(IllegalArgumentException.class,
                () -> settings("--proxy", "ftp://relay:hunter2@proxy.example:21"));
        assertTrue(proxy.getMessage().startsWith("Invalid value for option '--proxy'"), proxy.getMessage());
        assertFalse(proxy.getMessage().contains("hunter2"), proxy.getMessage());
        assertThrows(IllegalArgumentException.class, () -> settings("--poll-interval", "0"));
        assertThrows(CommandLine.ParameterException.class, () -> settings("--long-poll", "soon"));
        assertThrows(CommandLine.ParameterException.class, () -> settings("--proxy-discovery", "maybe"));
    }
}
