package org.portcullis.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.proxy.fixture.TestClock;

/** How discovery orders the routes: steps, notes, duplicates, held-back routes, the db route. */
class ProxyDiscoveryTest {
    private static final Target BACKEND = Target.of(URI.create("https://backend.example:8443/config"));
    private static final ProxyEndpoint A = ProxyEndpoint.parse("http://a.example:3128");
    private static final ProxyEndpoint B = ProxyEndpoint.parse("http://b.example:3128");

    @TempDir
    Path folder;
    private final TestClock clock = new TestClock();

    @Test
    void explainsStepsThatOfferNothing() {
        ProxyDiscovery discovery = discovery(DiscoverySettings.defaults(List.of(), Map.of(), null));

        assertEquals("[db: no state file, os: no proxy set, flags: none, direct]", text(discovery.plan(BACKEND)));
    }

    @Test
    void readsTheEnvironmentLikeCurlHttpsFirst() {
        ProxyDiscovery discovery = discovery(DiscoverySettings.defaults(List.of(), Map.of(
                "HTTP_PROXY", "b.example:3128",
                "HTTPS_PROXY", "http://a.example:3128",
                "https_proxy", "http://a.example:3128",
                "ALL_PROXY", "socks5://c.example:1080"), null).withOrder(List.of(DiscoveryStep.OS)));

        assertEquals("[os: ALL_PROXY unusable (proxy scheme socks5 is not supported (http or https): "
                + "socks5://c.example:1080), os: https_proxy a.example:3128, os: HTTP_PROXY b.example:3128]",
                text(discovery.plan(BACKEND)));
    }

    @Test
    void anHttpTargetIgnoresTheHttpsVariables() {
        ProxyDiscovery discovery = discovery(DiscoverySettings.defaults(List.of(),
                Map.of("HTTPS_PROXY", "a.example:3128", "http_proxy", "b.example:3128"), null)
                .withOrder(List.of(DiscoveryStep.OS)));

        assertEquals("[os: http_proxy b.example:3128]", text(discovery.plan(Target.of(URI.create("http://x.example/")))));
    }

    @Test
    void offersEachProxyOnceInTheFirstStepThatNamesIt() {
        ProxyDiscovery discovery = discovery(DiscoverySettings.defaults(List.of(A, B),
                Map.of("HTTPS_PROXY", "http://user:pw@b.example:3128"), null).withOrder(DiscoveryStep.parseOrder("os,flags")));

        assertEquals("[os: HTTPS_PROXY b.example:3128, flags: a.example:3128]", text(discovery.plan(BACKEND)));
    }

    @Test
    void noProxyOffersDirectWhenTheOrderAllowsIt() {
        Map<String, String> environment = Map.of("HTTPS_PROXY", "a.example:3128", "NO_PROXY", ".example");

        assertEquals("[os: NO_PROXY direct]", text(discovery(DiscoverySettings.defaults(List.of(), environment, null)
                .withOrder(DiscoveryStep.parseOrder("os,direct"))).plan(BACKEND)));
        assertEquals("[os: NO_PROXY exempts backend.example but direct is not allowed, flags: b.example:3128]",
                text(discovery(DiscoverySettings.defaults(List.of(B), environment, null)
                        .withOrder(DiscoveryStep.parseOrder("os,flags"))).plan(BACKEND)));
    }

    @Test
    void holdsAFailedRouteBackForAWhile() {
        ProxyDiscovery discovery = discovery(DiscoverySettings.defaults(List.of(A, B), Map.of(), null)
                .withOrder(DiscoveryStep.parseOrder("flags,direct")).withHoldBack(Duration.ofMinutes(5)));

        discovery.failed(new Route(DiscoveryStep.FLAGS, "", A), BACKEND);
        String heldBack = text(discovery.plan(BACKEND));
        String otherBackend = text(discovery.plan(Target.of(URI.create("https://other.example/"))));
        clock.advance(Duration.ofMinutes(5));
        String released = text(discovery.plan(BACKEND));

        assertEquals("[flags: b.example:3128, direct, flags: a.example:3128 (held back)]", heldBack);
        assertEquals("[flags: a.example:3128, flags: b.example:3128, direct]", otherBackend);
        assertEquals("[flags: a.example:3128, flags: b.example:3128, direct]", released);
    }

    @Test
    void aRouteThatWorksIsOfferedFirstByDbWithItsCredentials() {
        ProxyEndpoint withCredentials = ProxyEndpoint.parse("http://relay:s3cret@b.example:3128");
        ProxyDiscovery discovery = discovery(DiscoverySettings.defaults(List.of(A, withCredentials), Map.of(),
                folder.resolve("state")));

        discovery.succeeded(new Route(DiscoveryStep.FLAGS, "", withCredentials), BACKEND);
        DiscoveryPlan plan = discovery(DiscoverySettings.defaults(List.of(A, withCredentials), Map.of(),
                folder.resolve("state"))).plan(BACKEND);

        assertEquals("[db: b.example:3128, os: no proxy set, flags: a.example:3128, direct]", text(plan));
        assertEquals(withCredentials, plan.candidates().get(0).route().proxy());
    }

    @Test
    void theDbRouteIsForOneBackendOnly() {
        ProxyDiscovery discovery = discovery(DiscoverySettings.defaults(List.of(A), Map.of(), folder.resolve("state")));
        discovery.succeeded(new Route(DiscoveryStep.FLAGS, "", A), BACKEND);

        DiscoveryPlan other = discovery.plan(Target.of(URI.create("https://other.example/")));

        assertEquals("db miss", other.entries().get(0).toString());
    }

    @Test
    void aStoredDirectRouteIsNotOfferedWhenDirectIsNotAllowed() {
        Path state = folder.resolve("state");
        discovery(DiscoverySettings.defaults(List.of(), Map.of(), state))
                .succeeded(Route.direct(DiscoveryStep.DIRECT, ""), BACKEND);

        DiscoveryPlan plan = discovery(DiscoverySettings.defaults(List.of(A), Map.of(), state)
                .withOrder(DiscoveryStep.parseOrder("db,flags"))).plan(BACKEND);

        assertEquals("[db: direct, which is not allowed, flags: a.example:3128]", text(plan));
    }

    @Test
    void anUnreadableStateFileIsAMiss() throws IOException {
        Path state = folder.resolve("state");
        Files.writeString(state, "route=gopher://x\ntarget=backend.example:8443\n");

        DiscoveryPlan plan = discovery(DiscoverySettings.defaults(List.of(), Map.of(), state)).plan(BACKEND);

        assertTrue(plan.entries().get(0).toString().startsWith("db unreadable (bad route in "), text(plan));
    }

    @Test
    void discoveryOffIsDirectOnly() {
        ProxyDiscovery discovery = discovery(DiscoverySettings.defaults(List.of(A), Map.of("HTTPS_PROXY", "b.example:1"),
                folder.resolve("state")).withEnabled(false));

        assertEquals("[discovery off, direct]", text(discovery.plan(BACKEND)));
    }

    private ProxyDiscovery discovery(DiscoverySettings settings) {
        return new ProxyDiscovery(settings, clock);
    }

    private static String text(DiscoveryPlan plan) {
        return plan.entries().toString();
    }
}
