package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.config.RelayConfig;
import org.portcullis.license.LicenseProblem;
import org.portcullis.oftp2.peer.PeerServer;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.testkit.TestPki;

/**
 * Both daemons as operators start them, each a process of its runnable jar: relay-server does not start without a
 * valid license, and with this run's license it carries files both ways for relay-client. The ports they chose
 * (everything listens on port 0) are read from their log lines.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DaemonProcessesIT {
    private static final Duration TIMEOUT = RelayPath.TIMEOUT;
    private static final Pattern LINK_PORT = Pattern.compile("link listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern PARTNER_PORT = Pattern.compile("listening for partners on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern ROUTE_PORT = Pattern.compile("route " + TestConfig.ROUTE
            + ": listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern APPLIED = Pattern.compile("relay-server (applied) configuration revision 1");

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    private final Partners partners = new Partners(relay);

    @Test
    void relayServerDoesNotStartWithoutAValidLicense() throws Exception {
        Path nowhere = relay.folder("empty").resolve("license.txt");
        DaemonProcess missing = relay.startServerProcess(List.of("-l", nowhere.toString()));
        assertEquals(LicenseProblem.MISSING.exitCode(), missing.awaitExit(TIMEOUT), missing::console);

        DaemonProcess untrusted = relay.startServerProcess(List.of("-l", relay.license().file().toString()));
        assertEquals(LicenseProblem.TAMPERED.exitCode(), untrusted.awaitExit(TIMEOUT),
                "a license signed by a key relay-server was not told to trust: " + untrusted.console());
    }

    @Test
    void bothDaemonsAsProcessesCarryFilesBothWays() throws Exception {
        BlockingQueue<SessionResult> remoteResults = new LinkedBlockingQueue<>();
        Path remoteInbox = relay.folder("remote-in");
        PeerServer remote = partners.remote(remoteInbox, remoteResults);
        RelayConfig config = relay.config().withRoutes(List.of(TestConfig.route(remote.localAddress())));

        DaemonProcess server = relay.startServerProcess(relay.license().arguments());
        InetSocketAddress link = loopback(server.awaitLog(LINK_PORT, TIMEOUT));
        DaemonProcess client = relay.startClientProcess(config, link);
        InetSocketAddress route = loopback(client.awaitLog(ROUTE_PORT, TIMEOUT));
        client.awaitLog(APPLIED, TIMEOUT);
        InetSocketAddress partnerPort = loopback(server.awaitLog(PARTNER_PORT, TIMEOUT));

        TestFiles.Written in = TestFiles.random(relay.folder("partner-out"), "INWARD", Figures.MIB, 21);
        SessionResult partner = Partners.outcome(partners.partnerCaller(in.path().getParent(), null)
                .connect(partnerPort));
        assertEquals(SessionOutcome.NORMAL_END, partner.outcome(), partner::toString);
        assertEquals(in.sha256(), TestFiles.sha256(relay.inside().inbox().resolve("INWARD")));

        TestFiles.Written out = TestFiles.random(relay.folder("inside-out"), "OUTWARD", Figures.MIB, 22);
        SessionResult inside = Partners.outcome(partners.insideCaller(out.path().getParent()).connect(route));
        assertEquals(SessionOutcome.NORMAL_END, inside.outcome(), inside::toString);
        SessionResult remoteSession = remoteResults.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(remoteSession != null && remoteSession.outcome() == SessionOutcome.NORMAL_END,
                "the remote partner's session: " + remoteSession);
        assertEquals(out.sha256(), TestFiles.sha256(remoteInbox.resolve("OUTWARD")));

        assertTrue(server.console().contains("valid for " + TestLicense.LICENSEE), "relay-server logs its license:\n"
                + server.console());
    }

    private static InetSocketAddress loopback(String port) {
        return new InetSocketAddress("127.0.0.1", Integer.parseInt(port));
    }
}
