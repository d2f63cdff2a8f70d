package org.portcullis.proxy.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.proxy.DiscoveryStep;
import org.portcullis.proxy.ProxyEndpoint;
import org.portcullis.proxy.Route;
import org.portcullis.proxy.Target;
import org.portcullis.proxy.fixture.BlackHole;
import org.portcullis.proxy.fixture.DeadPort;
import org.portcullis.proxy.fixture.HttpsBackend;
import org.portcullis.proxy.fixture.OutboundFixture;
import org.portcullis.proxy.fixture.ServerTls;
import org.portcullis.proxy.fixture.TestProxy;
import org.portcullis.testkit.TestPki;

/** Failover across real proxies (LittleProxy, a black hole, a refused port) to a real HTTPS backend. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FailoverIT {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    private static HttpsBackend backend;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private OutboundFixture fixture;

    @BeforeAll
    static void startBackend() throws Exception {
        backend = HttpsBackend.start(PKI.server());
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @BeforeEach
    void setUp() throws IOException {
        backend.answerWith(0);
        fixture = new OutboundFixture(PKI.writeCa());
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void triesTheStepsInTheConfiguredOrder() throws Exception {
        TestProxy fromEnvironment = proxy(TestProxy.open());
        TestProxy fromFlags = proxy(TestProxy.open());
        Map<String, String> environment = Map.of("HTTPS_PROXY", "http://" + fromEnvironment.endpoint().authority());

        OutboundClient flagsFirst = fixture.client(
                fixture.settings("flags,os", List.of(fromFlags.endpoint()), environment).withHoldBack(Duration.ZERO));
        assertEquals(fromFlags.endpoint(), get(flagsFirst).route().proxy());

        OutboundClient osFirst = fixture.client(fixture.settings("os,flags", List.of(fromFlags.endpoint()), environment));
        Route route = get(osFirst).route();
        assertEquals(DiscoveryStep.OS, route.step());
        assertEquals(fromEnvironment.endpoint(), route.proxy());
        assertEquals(1, fromFlags.connects());
        assertEquals(1, fromEnvironment.connects());
        assertEquals("proxy discovery: os: HTTPS_PROXY " + fromEnvironment.endpoint() + " ok",
                withoutTime(osFirst.lastDecision()));
    }

    @Test
    void deadFirstProxyFallsOverToTheSecond() throws Exception {
        int dead = DeadPort.refusing();
        TestProxy second = proxy(TestProxy.open());
        OutboundClient client = fixture.client(fixture.settings("db,os,flags,direct",
                List.of(ProxyEndpoint.of(false, "127.0.0.1", dead), second.endpoint()), Map.of()));

        OutboundResponse response = get(client);

        assertEquals(200, response.status());
        assertEquals(second.endpoint(), response.route().proxy());
        assertEquals("proxy discovery: db miss; os: no proxy set; flags: 127.0.0.1:" + dead + " refused; flags: "
                + second.endpoint() + " ok", withoutTime(client.lastDecision()));
    }

    @Test
    void everyProxyDeadGoesDirect() throws Exception {
        BlackHole hung = resource(new BlackHole());
        OutboundClient client = fixture.client(fixture.settings("flags,direct",
                List.of(ProxyEndpoint.of(false, "127.0.0.1", DeadPort.refusing()),
                        ProxyEndpoint.of(false, "127.0.0.1", hung.port())), Map.of()));

        OutboundResponse response = get(client);

        assertTrue(response.route().isDirect(), response.route()::toString);
        assertTrue(withoutTime(client.lastDecision()).contains("127.0.0.1:" + hung.port() + " no answer in time; direct ok"),
                client.lastDecision());
    }

    @Test
    void directOnlyWhenTheOrderHasIt() throws Exception {
        int connectionsBefore = backend.connections();
        OutboundClient client = fixture.client(fixture.settings("flags",
                List.of(ProxyEndpoint.of(false, "127.0.0.1", DeadPort.refusing())), Map.of()));

        NoRouteException failed = assertThrows(NoRouteException.class, () -> get(client));

        assertEquals(connectionsBefore, backend.connections());
        assertTrue(withoutTime(failed.getMessage()).contains("refused; no route reached 127.0.0.1:" + backend.port()),
                failed.getMessage());
    }

    @Test
    void discoveryOffMeansDirectOnly() throws Exception {
        TestProxy ignored = proxy(TestProxy.open());
        OutboundClient client = fixture.client(fixture.settings("flags", List.of(ignored.endpoint()),
                Map.of("HTTPS_PROXY", ignored.endpoint().address())).withEnabled(false));

        assertTrue(get(client).route().isDirect());
        assertEquals(0, ignored.connects());
        assertEquals("proxy discovery: discovery off; direct ok", withoutTime(client.lastDecision()));
    }

    @Test
    void keepsTheRouteThatWorked() throws Exception {
        TestProxy refusing = proxy(TestProxy.denying("127.0.0.1"));
        TestProxy working = proxy(TestProxy.open());
        OutboundClient client = fixture.client(fixture.settings("flags",
                List.of(refusing.endpoint(), working.endpoint()), Map.of()));

        for (int i = 0; i < 5; i++) {
            assertEquals(working.endpoint(), get(client).route().proxy());
        }

        assertEquals(1, refusing.connects(), "discovery ran once");
        assertEquals(1, working.connects(), "one kept-alive tunnel carried every call");
        assertEquals(working.endpoint(), client.currentRoute().orElseThrow().proxy());
    }

    @Test
    void runsDiscoveryAgainWhenTheProxyInUseDies() throws Exception {
        TestProxy first = proxy(TestProxy.open());
        TestProxy second = proxy(TestProxy.open());
        OutboundClient client = fixture.client(fixture.settings("db,flags",
                List.of(first.endpoint(), second.endpoint()), Map.of()));
        assertEquals(first.endpoint(), get(client).route().proxy());

        first.kill();
        OutboundResponse response = get(client);

        assertEquals(second.endpoint(), response.route().proxy());
        assertTrue(client.lastDecision().startsWith("proxy discovery: in use flags: " + first.endpoint() + " "),
                client.lastDecision());
        assertEquals(second.endpoint(), client.discovery().storedRoute(target()).orElseThrow().proxy());
    }

    @Test
    void proxyBasicAuthentication() throws Exception {
        TestProxy guarded = proxy(TestProxy.withCredentials("relay", "s3cret"));
        OutboundClient client = fixture.client(fixture.settings("flags",
                List.of(guarded.endpoint("relay", "s3cret")), Map.of()));

        assertEquals(200, get(client).status());
        assertTrue(fixture.alerts().isEmpty());
    }

    @Test
    void wrongProxyCredentialsMoveOnWithAnAlert() throws Exception {
        TestProxy guarded = proxy(TestProxy.withCredentials("relay", "s3cret"));
        TestProxy open = proxy(TestProxy.open());
        OutboundClient client = fixture.client(fixture.settings("flags",
                List.of(guarded.endpoint("relay", "wrong"), open.endpoint()), Map.of()));

        OutboundResponse response = get(client);

        assertEquals(open.endpoint(), response.route().proxy());
        ProxyAlert alert = fixture.alerts().get(0);
        assertEquals(ProxyAlert.Kind.PROXY_AUTHENTICATION, alert.kind());
        assertEquals(407, alert.status());
        assertTrue(client.lastDecision().contains(guarded.endpoint() + " 407 on CONNECT"), client.lastDecision());
        assertTrue(!client.lastDecision().contains("wrong") && !alert.message().contains("wrong"), "no password shown");
    }

    @Test
    void missingProxyCredentialsMoveOnWithAnAlert() throws Exception {
        TestProxy guarded = proxy(TestProxy.withCredentials("relay", "s3cret"));
        OutboundClient client = fixture.client(fixture.settings("flags,direct", List.of(guarded.endpoint()), Map.of()));

        assertTrue(get(client).route().isDirect());
        assertTrue(fixture.alerts().get(0).message().endsWith("none are configured for it"), fixture.alerts()::toString);
    }

    @Test
    void forbiddenConnectMovesOnWithAnAlertNamingProxyAndHost() throws Exception {
        TestProxy policy = proxy(TestProxy.denying("127.0.0.1"));
        TestProxy open = proxy(TestProxy.open());
        OutboundClient client = fixture.client(fixture.settings("flags",
                List.of(policy.endpoint(), open.endpoint()), Map.of()));

        assertEquals(open.endpoint(), get(client).route().proxy());
        ProxyAlert alert = fixture.alerts().get(0);
        assertEquals(ProxyAlert.Kind.PROXY_POLICY, alert.kind());
        assertEquals(policy.endpoint(), alert.proxy());
        assertEquals("127.0.0.1", alert.host());
        assertTrue(alert.message().contains(policy.endpoint().toString()) && alert.message().contains("127.0.0.1"));
    }

    @Test
    void backendErrorsKeepTheProxy() throws Exception {
        TestProxy first = proxy(TestProxy.open());
        TestProxy second = proxy(TestProxy.open());
        OutboundClient client = fixture.client(fixture.settings("flags",
                List.of(first.endpoint(), second.endpoint()), Map.of()));
        assertEquals(200, get(client).status());

        backend.answerWith(401);
        OutboundResponse unauthorized = get(client);
        backend.answerWith(500);
        OutboundResponse failed = get(client);

        assertEquals(401, unauthorized.status());
        assertEquals(500, failed.status());
        assertEquals(first.endpoint(), failed.route().proxy());
        assertEquals(0, second.connects());
        assertTrue(fixture.alerts().isEmpty());
    }

    @Test
    void dbRouteSurvivesARestart() throws Exception {
        TestProxy refusing = proxy(TestProxy.denying("127.0.0.1"));
        TestProxy working = proxy(TestProxy.open());
        List<ProxyEndpoint> proxies = List.of(refusing.endpoint(), working.endpoint());
        OutboundClient before = fixture.client(fixture.settings("db,flags", proxies, Map.of()));
        assertEquals(working.endpoint(), get(before).route().proxy());
        before.close();

        OutboundClient after = fixture.client(fixture.settings("db,flags", proxies, Map.of()));
        OutboundResponse response = get(after);

        assertEquals(DiscoveryStep.DB, response.route().step());
        assertEquals(working.endpoint(), response.route().proxy());
        assertEquals(1, refusing.connects(), "the restarted client went straight to the stored route");
        assertEquals("proxy discovery: db: " + working.endpoint() + " ok", withoutTime(after.lastDecision()));
    }

    @Test
    void dbRouteKeepsItsCredentialsOutOfTheStateFile() throws Exception {
        TestProxy guarded = proxy(TestProxy.withCredentials("relay", "s3cret"));
        List<ProxyEndpoint> proxies = List.of(guarded.endpoint("relay", "s3cret"));
        get(fixture.client(fixture.settings("db,flags", proxies, Map.of())));

        String state = Files.readString(fixture.stateFile());
        OutboundResponse response = get(fixture.client(fixture.settings("db,flags", proxies, Map.of())));

        assertTrue(!state.contains("s3cret") && !state.contains("relay@"), state);
        assertEquals(DiscoveryStep.DB, response.route().step());
        assertEquals(200, response.status());
    }

    @Test
    void httpsProxyWithTlsToTheProxy() throws Exception {
        TestProxy tls = proxy(TestProxy.overTls(ServerTls.context(PKI.server())));
        OutboundClient client = fixture.client(fixture.settings("flags", List.of(tls.endpoint()), Map.of()));

        OutboundResponse response = get(client);

        assertEquals(200, response.status());
        assertEquals("https://127.0.0.1:" + tls.port(), response.route().proxy().toString());
        assertEquals(1, tls.connects());
    }

    @Test
    void noProxyExemptsTheBackend() throws Exception {
        TestProxy proxy = proxy(TestProxy.open());
        OutboundClient byRange = fixture.client(fixture.settings("os,direct", List.of(),
                Map.of("https_proxy", proxy.endpoint().address(), "no_proxy", "example.com,127.0.0.0/8")));
        OutboundClient byName = fixture.client(fixture.settings("os,direct", List.of(),
                Map.of("HTTPS_PROXY", proxy.endpoint().address(), "NO_PROXY", ".localhost")));

        Route route = get(byRange).route();
        OutboundResponse named = byName.execute(OutboundRequest.get(backend.configUri("localhost")));

        assertEquals("os: no_proxy direct", route.toString());
        assertEquals("os: NO_PROXY direct", named.route().toString());
        assertEquals(0, proxy.connects());
    }

    @Test
    void retriesAtGrowingIntervalsWhenEveryRouteFails() throws Exception {
        OutboundClient client = fixture.client(fixture.settings("flags",
                List.of(ProxyEndpoint.of(false, "127.0.0.1", DeadPort.refusing())), Map.of()));

        Duration first = assertThrows(NoRouteException.class, () -> get(client)).retryAfter();
        NoRouteException early = assertThrows(NoRouteException.class, () -> get(client));
        fixture.clock().advance(first);
        Duration second = assertThrows(NoRouteException.class, () -> get(client)).retryAfter();

        assertTrue(early.getMessage().contains("every route to 127.0.0.1:" + backend.port() + " failed 1 time(s) in a row"),
                early.getMessage());
        assertTrue(first.compareTo(Duration.ofMillis(1600)) >= 0 && first.compareTo(Duration.ofMillis(2400)) <= 0,
                first::toString);
        assertTrue(second.compareTo(Duration.ofMillis(3200)) >= 0 && second.compareTo(Duration.ofMillis(4800)) <= 0,
                second::toString);
    }

    @Test
    void aProxyThatCannotReachTheBackendIsPassedWithoutAnAlert() throws Exception {
        TestProxy proxy = proxy(TestProxy.open());
        OutboundClient client = fixture.client(fixture.settings("flags", List.of(proxy.endpoint()), Map.of()));
        int deadBackend = DeadPort.refusing();

        NoRouteException failed = assertThrows(NoRouteException.class,
                () -> client.execute(OutboundRequest.get(URI.create("https://127.0.0.1:" + deadBackend + "/config"))));

        assertTrue(failed.getMessage().matches(".*" + proxy.endpoint() + " 5\\d\\d on CONNECT to 127\\.0\\.0\\.1:"
                + deadBackend + " .*"), failed.getMessage());
        assertTrue(fixture.alerts().isEmpty());
    }

    @Test
    void postsJsonThroughTheRouteInUse() throws Exception {
        TestProxy proxy = proxy(TestProxy.open());
        OutboundClient client = fixture.client(fixture.settings("flags", List.of(proxy.endpoint()), Map.of()));

        OutboundResponse response = client.execute(OutboundRequest.postJson(
                backend.configUri().resolve("/events"), "{\"crlUrls\":[]}").withHeader("Authorization", "Bearer t"));

        assertEquals(200, response.status());
        assertEquals("{}", response.bodyText());
        assertTrue(backend.requests().contains("POST /events"), backend.requests()::toString);
    }

    @Test
    void anOversizedAnswerFailsTheCallButNotTheRoute() throws Exception {
        TestProxy proxy = proxy(TestProxy.open());
        OutboundSettings tiny = new OutboundSettings(OutboundFixture.TIMEOUT, OutboundFixture.TIMEOUT,
                OutboundSettings.DEFAULT_CONNECTION_TTL, OutboundSettings.DEFAULT_VALIDATE_AFTER_IDLE, 4, PKI.writeCa(),
                RetryBackoff.defaults());
        OutboundClient client = fixture.client(fixture.settings("flags", List.of(proxy.endpoint()), Map.of()), tiny);

        IOException tooLarge = assertThrows(IOException.class, () -> get(client));

        assertEquals("the backend's response body is over 4 bytes", tooLarge.getMessage());
        assertEquals(proxy.endpoint(), client.currentRoute().orElseThrow().proxy());
    }

    @Test
    void refusesABackendWhoseCertificateItCannotVerify() throws Exception {
        OutboundClient client = fixture.client(fixture.settings("direct", List.of(), Map.of()));
        try (HttpsBackend untrusted = HttpsBackend.start(PKI.untrustedServer());
                HttpsBackend wrongName = HttpsBackend.start(PKI.wrongNameServer())) {
            NoRouteException byCa = assertThrows(NoRouteException.class,
                    () -> client.execute(OutboundRequest.get(untrusted.configUri())));
            NoRouteException byName = assertThrows(NoRouteException.class,
                    () -> client.execute(OutboundRequest.get(wrongName.configUri())));

            assertTrue(byCa.getMessage().contains("direct TLS failed"), byCa.getMessage());
            assertTrue(byName.getMessage().contains("direct TLS failed"), byName.getMessage());
            assertEquals(0, untrusted.requests().size() + wrongName.requests().size());
        }
    }

    private OutboundResponse get(OutboundClient client) throws IOException {
        return client.execute(OutboundRequest.get(backend.configUri()));
    }

    private static Target target() {
        return Target.of(backend.configUri());
    }

    /** The decision line with the milliseconds taken left out. */
    private static String withoutTime(String decision) {
        return decision.replaceAll(" \\(\\d+ ms\\)", "");
    }

    private TestProxy proxy(TestProxy proxy) {
        return resource(proxy);
    }

    private <T extends AutoCloseable> T resource(T resource) {
        resources.add(resource);
        return resource;
    }
}
