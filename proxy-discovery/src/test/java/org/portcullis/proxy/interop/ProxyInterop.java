package org.portcullis.proxy.interop;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.portcullis.proxy.DiscoverySettings;
import org.portcullis.proxy.DiscoveryStep;
import org.portcullis.proxy.ProxyDiscovery;
import org.portcullis.proxy.ProxyEndpoint;
import org.portcullis.proxy.fixture.DeadPort;
import org.portcullis.proxy.fixture.HttpsBackend;
import org.portcullis.proxy.http.NoRouteException;
import org.portcullis.proxy.http.OutboundClient;
import org.portcullis.proxy.http.OutboundRequest;
import org.portcullis.proxy.http.OutboundResponse;
import org.portcullis.proxy.http.OutboundSettings;
import org.portcullis.proxy.http.ProxyAlert;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The interop driver of {@code ops/interop/proxies}: runs OutboundClient against Debian's tinyproxy and squid
 * (started by the script on loopback) and a real HTTPS backend in this JVM, one line per check and a final
 * {@code N passed, M failed}; exit code 1 when a check failed.
 */
@Command(name = "proxy-interop", mixinStandardHelpOptions = true,
        description = "Checks proxy discovery and failover against running tinyproxy and squid instances.")
public final class ProxyInterop implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Spec
    private CommandSpec spec;

    @Option(names = "--tinyproxy", required = true, description = "port of a plain tinyproxy")
    int tinyproxy;
    @Option(names = "--tinyproxy-auth", required = true, description = "port of a tinyproxy with BasicAuth")
    int tinyproxyAuth;
    @Option(names = "--tinyproxy-filtered", required = true,
            description = "port of a tinyproxy whose allow-list (FilterDefaultDeny) refuses 127.0.0.1")
    int tinyproxyFiltered;
    @Option(names = "--tinyproxy-doomed", required = true, description = "port of a tinyproxy this driver stops")
    int tinyproxyDoomed;
    @Option(names = "--tinyproxy-doomed-pid", required = true, description = "its process id")
    long tinyproxyDoomedPid;
    @Option(names = "--squid", required = true, description = "port of squid without authentication")
    int squid;
    @Option(names = "--squid-auth", required = true, description = "port of squid with Basic authentication")
    int squidAuth;
    @Option(names = "--user", required = true, description = "the proxies' Basic user")
    String user;
    @Option(names = "--password", required = true, description = "its password")
    String password;

    private final List<ProxyAlert> alerts = new CopyOnWriteArrayList<>();
    private final List<OutboundClient> clients = new CopyOnWriteArrayList<>();
    private HttpsBackend backend;
    private Path folder;
    private Path trustedCas;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ProxyInterop()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        folder = Files.createTempDirectory("portcullis-interop-");
        try (TestPki pki = TestPki.create(); HttpsBackend started = HttpsBackend.start(pki.server())) {
            backend = started;
            trustedCas = pki.writeCa();
            InteropChecks checks = new InteropChecks(out);
            runChecks(checks);
            clients.forEach(OutboundClient::close);
            out.printf("%d passed, %d failed%n", checks.passed(), checks.failed());
            out.flush();
            return checks.failed() == 0 ? 0 : 1;
        }
    }

    private void runChecks(InteropChecks checks) {
        checks.run("order honoured: flags,os uses the flags proxy, os,flags the environment's", this::orderHonoured);
        checks.run("dead first proxy: the second is used", this::deadFirstProxy);
        checks.run("all proxies dead: direct", this::allDeadGoesDirect);
        checks.run("direct only when in the order", this::directOnlyWhenOrdered);
        checks.run("sticky after success: 5 calls, 1 backend connection through squid", this::sticky);
        checks.run("tinyproxy BasicAuth: right credentials", () -> expectProxy(proxy(tinyproxyAuth, user, password)));
        checks.run("tinyproxy BasicAuth: wrong credentials move on, with an alert",
                () -> wrongCredentials(proxy(tinyproxyAuth, user, password + "-wrong")));
        checks.run("squid Basic auth: right credentials", () -> expectProxy(proxy(squidAuth, user, password)));
        checks.run("squid Basic auth: wrong credentials move on, with an alert",
                () -> wrongCredentials(proxy(squidAuth, user, password + "-wrong")));
        checks.run("tinyproxy allow-list refusing the backend: next route, with an alert", this::allowListRefuses);
        checks.run("NO_PROXY bypass: 127.0.0.0/8 and .localhost go direct", this::noProxyBypass);
        checks.run("backend 401 and 500 through squid: the proxy stays", this::backendErrorsKeepTheProxy);
        checks.run("db survives a restart of the client", this::dbSurvivesRestart);
        checks.run("back to discovery after the proxy in use dies", this::proxyDies);
    }

    private String orderHonoured() throws Exception {
        Map<String, String> environment = Map.of("HTTPS_PROXY", "http://127.0.0.1:" + squid);
        List<ProxyEndpoint> flags = List.of(proxy(tinyproxy));
        OutboundResponse flagsFirst = get(client(settings("flags,os", flags, environment)));
        OutboundResponse osFirst = get(client(settings("os,flags", flags, environment)));
        InteropChecks.expect(flagsFirst.route().proxy().port() == tinyproxy, "flags,os went " + flagsFirst.route());
        InteropChecks.expect(osFirst.route().proxy().port() == squid, "os,flags went " + osFirst.route());
        return osFirst.route().toString();
    }

    private String deadFirstProxy() throws Exception {
        OutboundClient client = client(settings("flags", List.of(proxy(DeadPort.refusing()), proxy(tinyproxy)), Map.of()));
        OutboundResponse response = get(client);
        InteropChecks.expect(response.route().proxy().port() == tinyproxy, "went " + response.route());
        return client.lastDecision();
    }

    private String allDeadGoesDirect() throws Exception {
        OutboundClient client = client(settings("flags,direct",
                List.of(proxy(DeadPort.refusing()), proxy(DeadPort.refusing())), Map.of()));
        OutboundResponse response = get(client);
        InteropChecks.expect(response.route().isDirect(), "went " + response.route());
        return client.lastDecision();
    }

    private String directOnlyWhenOrdered() throws Exception {
        OutboundClient client = client(settings("flags", List.of(proxy(DeadPort.refusing())), Map.of()));
        try {
            get(client);
        } catch (NoRouteException e) {
            return e.getMessage();
        }
        throw new AssertionError("went " + client.currentRoute().orElseThrow() + " although direct is not in the order");
    }

    private String sticky() throws Exception {
        OutboundClient client = client(settings("flags", List.of(proxy(tinyproxyFiltered), proxy(squid)), Map.of()));
        int before = backend.connections();
        for (int i = 0; i < 5; i++) {
            OutboundResponse response = get(client);
            InteropChecks.expect(response.route().proxy().port() == squid, "call " + i + " went " + response.route());
        }
        InteropChecks.expect(backend.connections() - before == 1,
                (backend.connections() - before) + " backend connections for 5 calls");
        return client.lastDecision();
    }

    private String expectProxy(ProxyEndpoint proxy) throws Exception {
        OutboundClient client = client(settings("flags", List.of(proxy), Map.of()));
        OutboundResponse response = get(client);
        InteropChecks.expect(response.status() == 200 && proxy.sameProxy(response.route().proxy()),
                response.status() + " via " + response.route());
        return client.lastDecision();
    }

    private String wrongCredentials(ProxyEndpoint guarded) throws Exception {
        alerts.clear();
        OutboundClient client = client(settings("flags", List.of(guarded, proxy(tinyproxy)), Map.of()));
        OutboundResponse response = get(client);
        InteropChecks.expect(response.route().proxy().port() == tinyproxy, "went " + response.route());
        InteropChecks.expect(alerts.size() == 1 && alerts.get(0).kind() == ProxyAlert.Kind.PROXY_AUTHENTICATION,
                "alerts " + alerts);
        InteropChecks.expect(!client.lastDecision().contains(password), "the password shows in the log line");
        return alerts.get(0).message();
    }

    private String allowListRefuses() throws Exception {
        alerts.clear();
        OutboundClient client = client(settings("flags", List.of(proxy(tinyproxyFiltered), proxy(squid)), Map.of()));
        OutboundResponse response = get(client);
        InteropChecks.expect(response.route().proxy().port() == squid, "went " + response.route());
        InteropChecks.expect(alerts.size() == 1 && alerts.get(0).kind() == ProxyAlert.Kind.PROXY_POLICY
                && alerts.get(0).status() == 403 && alerts.get(0).host().equals("127.0.0.1"), "alerts " + alerts);
        return alerts.get(0).message();
    }

    private String noProxyBypass() throws Exception {
        String proxyUri = "http://127.0.0.1:" + tinyproxy;
        OutboundResponse byRange = get(client(settings("os,direct", List.of(),
                Map.of("https_proxy", proxyUri, "no_proxy", "partner.example,127.0.0.0/8"))));
        OutboundResponse byName = client(settings("os,direct", List.of(),
                Map.of("HTTPS_PROXY", proxyUri, "NO_PROXY", ".localhost"))).execute(
                        OutboundRequest.get(backend.configUri("localhost")));
        OutboundResponse proxied = get(client(settings("os,direct", List.of(),
                Map.of("HTTPS_PROXY", proxyUri, "NO_PROXY", "partner.example"))));
        InteropChecks.expect(byRange.route().isDirect() && byName.route().isDirect(),
                byRange.route() + ", " + byName.route());
        InteropChecks.expect(proxied.route().proxy().port() == tinyproxy, "without a match went " + proxied.route());
        return byRange.route() + "; " + byName.route();
    }

    private String backendErrorsKeepTheProxy() throws Exception {
        OutboundClient client = client(settings("flags", List.of(proxy(squid), proxy(tinyproxy)), Map.of()));
        try {
            get(client);
            backend.answerWith(401);
            OutboundResponse unauthorized = get(client);
            backend.answerWith(500);
            OutboundResponse failed = get(client);
            InteropChecks.expect(unauthorized.status() == 401 && failed.status() == 500,
                    unauthorized.status() + ", " + failed.status());
            InteropChecks.expect(failed.route().proxy().port() == squid, "moved to " + failed.route());
            return "401 and 500 via " + failed.route();
        } finally {
            backend.answerWith(0);
        }
    }

    private String dbSurvivesRestart() throws Exception {
        Path state = folder.resolve("restart.properties");
        List<ProxyEndpoint> flags = List.of(proxy(tinyproxyFiltered), proxy(tinyproxy));
        OutboundClient before = client(settings("db,flags", flags, Map.of()).withStateFile(state));
        InteropChecks.expect(get(before).route().proxy().port() == tinyproxy, "first run went " + before.currentRoute());
        before.close();
        OutboundClient after = client(settings("db,flags", flags, Map.of()).withStateFile(state));
        OutboundResponse response = get(after);
        InteropChecks.expect(response.route().step() == DiscoveryStep.DB && response.route().proxy().port() == tinyproxy,
                "after the restart went " + response.route());
        InteropChecks.expect(after.lastDecision().startsWith("proxy discovery: db: "), after.lastDecision());
        return after.lastDecision();
    }

    private String proxyDies() throws Exception {
        OutboundClient client = client(settings("flags", List.of(proxy(tinyproxyDoomed), proxy(squid)), Map.of()));
        OutboundResponse first = get(client);
        InteropChecks.expect(first.route().proxy().port() == tinyproxyDoomed, "first call went " + first.route());
        ProcessHandle.of(tinyproxyDoomedPid).orElseThrow(() -> new AssertionError("no process " + tinyproxyDoomedPid))
                .destroy();
        Await.until(() -> refuses(tinyproxyDoomed), Duration.ofSeconds(10), "tinyproxy to stop listening");
        OutboundResponse second = get(client);
        InteropChecks.expect(second.route().proxy().port() == squid, "after it died went " + second.route());
        InteropChecks.expect(client.lastDecision().startsWith("proxy discovery: in use flags: 127.0.0.1:" + tinyproxyDoomed),
                client.lastDecision());
        return client.lastDecision();
    }

    private static boolean refuses(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return !socket.isConnected();
        } catch (IOException e) {
            return true;
        }
    }

    private OutboundResponse get(OutboundClient client) throws IOException {
        return client.execute(OutboundRequest.get(backend.configUri()));
    }

    /** Settings with a state file of the check's own. */
    private DiscoverySettings settings(String order, List<ProxyEndpoint> proxies, Map<String, String> environment)
            throws IOException {
        Path state = Files.createTempFile(folder, "state-", ".properties");
        Files.delete(state);
        return DiscoverySettings.defaults(proxies, environment, state).withOrder(DiscoveryStep.parseOrder(order));
    }

    private OutboundClient client(DiscoverySettings settings) throws IOException {
        OutboundClient client = new OutboundClient(new ProxyDiscovery(settings, Clock.systemUTC()),
                OutboundSettings.defaults(trustedCas).withTimeouts(TIMEOUT, TIMEOUT), alerts::add, Clock.systemUTC());
        clients.add(client);
        return client;
    }

    private static ProxyEndpoint proxy(int port) {
        return ProxyEndpoint.of(false, "127.0.0.1", port);
    }

    private static ProxyEndpoint proxy(int port, String user, String password) {
        return new ProxyEndpoint(false, "127.0.0.1", port, user, password);
    }
}
