package org.portcullis.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyEndpointTest {

    @Test
    void parsesHttpProxyWithCredentials() {
        ProxyEndpoint proxy = ProxyEndpoint.parse("http://relay:s3cret@proxy.example:3128");

        assertEquals(new ProxyEndpoint(false, "proxy.example", 3128, "relay", "s3cret"), proxy);
        assertEquals("proxy.example:3128", proxy.toString());
        assertEquals("http://proxy.example:3128", proxy.address());
    }

    @Test
    void httpsProxyIsShownWithItsScheme() {
        ProxyEndpoint proxy = ProxyEndpoint.parse("HTTPS://proxy.example");

        assertTrue(proxy.tls());
        assertEquals(443, proxy.port());
        assertEquals("https://proxy.example:443", proxy.toString());
    }

    @Test
    void aValueWithoutSchemeIsAnHttpProxyOnCurlsDefaultPort() {
        assertEquals(ProxyEndpoint.of(false, "10.0.0.1", 3128), ProxyEndpoint.parse("10.0.0.1:3128"));
        assertEquals(1080, ProxyEndpoint.parse("proxy.example").port());
        assertEquals(ProxyEndpoint.of(false, "proxy.example", 8080), ProxyEndpoint.parse(" http://proxy.example:8080/ "));
    }

    @Test
    void ipv6ProxyKeepsItsBracketsOnlyInText() {
        ProxyEndpoint proxy = ProxyEndpoint.parse("http://[::1]:3128");

        assertEquals("::1", proxy.host());
        assertEquals("[::1]:3128", proxy.authority());
    }

    @Test
    void percentEncodedCredentialsAreDecoded() {
        ProxyEndpoint proxy = ProxyEndpoint.parse("http://dom%5Cuser:p%40ss%2Cw+rd@proxy.example:3128");

        assertEquals("dom\\user", proxy.username());
        assertEquals("p@ss,w+rd", proxy.password());
    }

    @Test
    void credentialsNeverShowInTextOrErrors() {
        ProxyEndpoint proxy = ProxyEndpoint.parse("http://relay:s3cret@proxy.example:3128");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ProxyEndpoint.parse("socks5://relay:s3cret@proxy.example:1080"));
        IllegalArgumentException noScheme = assertThrows(IllegalArgumentException.class,
                () -> ProxyEndpoint.parse("relay:s3cret@proxy.example:3128/path"));
        DiscoverySettings settings = DiscoverySettings.defaults(List.of(proxy),
                Map.of("HTTPS_PROXY", "http://u:envsecret@p:1"), null);

        for (String text : List.of(proxy.toString(), proxy.address(), bad.getMessage(), noScheme.getMessage(),
                settings.toString(), new Route(DiscoveryStep.FLAGS, "", proxy).toString())) {
            assertFalse(text.contains("s3cret") || text.contains("envsecret"), text);
        }
    }

    @Test
    void refusesWhatIsNotAProxyUri() {
        for (String text : List.of("ftp://proxy.example", "http://", "http://proxy.example:0",
                "http://proxy.example:3128/path", "http://proxy.example:3128?x=1", "http://proxy.example:99999")) {
            assertThrows(IllegalArgumentException.class, () -> ProxyEndpoint.parse(text), text);
        }
    }

    @Test
    void sameProxyIgnoresCredentialsAndCase() {
        assertTrue(ProxyEndpoint.parse("http://a:b@Proxy.Example:3128")
                .sameProxy(ProxyEndpoint.parse("http://proxy.example:3128")));
        assertFalse(ProxyEndpoint.parse("https://proxy.example:3128")
                .sameProxy(ProxyEndpoint.parse("http://proxy.example:3128")));
    }

    @Test
    void parsesTheFlagsList() {
        List<ProxyEndpoint> proxies = DiscoverySettings.parseProxies("http://a:3128, https://b:443,,http://u:p%2Cq@c:8080");

        assertEquals(List.of("a:3128", "https://b:443", "c:8080"), proxies.stream().map(Object::toString).toList());
        assertEquals("p,q", proxies.get(2).password());
    }
}
