package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.config.OutgoingConfig;
import org.portcullis.config.RouteConfig;
import org.portcullis.config.TlsIdentity;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.peer.OftpPeer;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.PeerServer;
import org.portcullis.oftp2.peer.PeerTls;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.relay.server.session.AuditRecord;
import org.portcullis.relay.server.session.AuditRecord.Verdict;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

/**
 * An inside daemon's session out to a partner (RFC 5024 §2.3, §4.2): relay-client opens an outgoing stream for
 * a route, relay-server connects to the route's partner with TLS (its certificate and host name checked), and
 * relays with the same checks; the partner's Odette ID must be the route's.
 */
@Timeout(120)
class OutgoingSessionIT {
    private static final String ROUTE = "far-partner";
    private static final String FAR_ID = "O0013000000FARPARTNER";
    private static final String FAR_PASSWORD = "FSECRET";

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayHarness relay = new RelayHarness(PKI);

    private OftpPeer peers;
    private PeerServer farPartner;
    private final BlockingQueue<SessionResult> farResults = new LinkedBlockingQueue<>();
    private Channel routePort;

    @BeforeEach
    void start() {
        peers = OftpPeer.create(1, 2);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (routePort != null) {
            routePort.close().sync();
        }
        if (farPartner != null) {
            farPartner.close();
        }
        peers.close();
    }

    /** The partner the route reaches: a TLS Responder requiring a client certificate of the test CA. */
    private InetSocketAddress farPartner(Identity serverIdentity) throws Exception {
        PemFiles server = PKI.write(serverIdentity, "far-server");
        farPartner = peers.listen(PeerConfig.builder(FAR_ID, "RSECRET")
                .receiveDir(Files.createDirectories(relay.temp().resolve("far-in")))
                .expectPartner(TestRelayConfig.INSIDE_ID, FAR_PASSWORD)
                .tls(new PeerTls(server.certificateChain(), server.privateKey(), PKI.writeCa())).build(),
                new InetSocketAddress("127.0.0.1", 0), farResults::add);
        return farPartner.localAddress();
    }

    private void configure(InetSocketAddress far, String expectedId, String sourceAddress) throws Exception {
        configure(far, expectedId, sourceAddress, null);
    }

    private void configure(InetSocketAddress far, String expectedId, String sourceAddress, String proxy)
            throws Exception {
        configure(far, expectedId, sourceAddress, proxy, List.of());
    }

    private void configure(InetSocketAddress far, String expectedId, String sourceAddress, String proxy,
            List<String> allowedHosts) throws Exception {
        PemFiles client = PKI.write(PKI.client(TestRelayConfig.INSIDE_ID), "outgoing-client");
        TlsIdentity identity = new TlsIdentity(TestRelayConfig.read(client.certificateChain()),
                TestRelayConfig.read(client.privateKey()));
        assertTrue(relay.client().push(new TestRelayConfig(PKI)
                .route(new RouteConfig(ROUTE, "127.0.0.1", 0, expectedId, "127.0.0.1", far.getPort(), proxy))
                .outgoing(new OutgoingConfig(sourceAddress, identity, allowedHosts)).json(), RelayHarness.TIMEOUT)
                .path("applied").booleanValue());
        routePort = relay.client().listenForRoute(ROUTE);
    }

    /** The inside daemon sends what is in {@code outbox} through the route. */
    private SessionResult insideSends(Path outbox) throws Exception {
        return peers.client(PeerConfig.builder(TestRelayConfig.INSIDE_ID, FAR_PASSWORD).sendDir(outbox).build())
                .connect((InetSocketAddress) routePort.localAddress())
                .get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void carriesAFileToTheRoutesPartnerUnchanged() throws Exception {
        configure(farPartner(PKI.server()), FAR_ID, "127.0.0.1");
        Path outbox = relay.folder("inside-out");
        String sha256 = TestFiles.sha256(TestFiles.random(outbox, "ORDERS", TestFiles.MIB, 3));

        SessionResult inside = insideSends(outbox);
        SessionResult far = farResults.poll(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(SessionOutcome.NORMAL_END, inside.outcome(), inside::toString);
        assertEquals(SessionOutcome.NORMAL_END, far.outcome(), far::toString);
        assertEquals(sha256, TestFiles.sha256(relay.temp().resolve("far-in/ORDERS")));
        AuditRecord audit = relay.awaitAudit(record -> record.verdict() == Verdict.COMPLETED, "the audit record");
        assertEquals("outgoing", audit.direction());
        assertEquals(FAR_ID, audit.odetteId());
        assertTrue(audit.certificateSubject().contains("localhost"), audit::toString);
    }

    @Test
    void goesThroughTheRoutesEgressProxy() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start(relay.group())) {
            configure(farPartner(PKI.server()), FAR_ID, null, proxy.url());
            Path outbox = relay.folder("inside-out");
            String sha256 = TestFiles.sha256(TestFiles.random(outbox, "ORDERS", 100_000, 4));

            SessionResult inside = insideSends(outbox);

            assertEquals(SessionOutcome.NORMAL_END, inside.outcome(), inside::toString);
            assertEquals(sha256, TestFiles.sha256(relay.temp().resolve("far-in/ORDERS")));
            assertEquals(1, proxy.tunnels());
        }
    }

    @Test
    void endsTheSessionOnBothSidesWithEsid03WhenThePartnerIsNotTheRoutes() throws Exception {
        configure(farPartner(PKI.server()), "O0013000000SOMEONEELSE", null);
        SessionResult inside = insideSends(relay.folder("inside-out"));
        SessionResult far = farResults.poll(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(EsidReason.USER_CODE_NOT_KNOWN, inside.esidReceived().reason(), inside::toString);
        assertEquals(EsidReason.USER_CODE_NOT_KNOWN, far.esidReceived().reason(), far::toString);
    }

    @Test
    void refusesAPartnerWhoseCertificateDoesNotNameItsHost() throws Exception {
        configure(farPartner(PKI.wrongNameServer()), FAR_ID, null);
        SessionResult inside = insideSends(relay.folder("inside-out"));

        assertEquals(SessionOutcome.CONNECTION_FAILED, inside.outcome(), inside::toString);
        AuditRecord audit = relay.awaitAudit(record -> record.verdict() == Verdict.REFUSED, "the refusal's audit");
        assertTrue(audit.reason().startsWith("TLS handshake failed"), audit::toString);
    }

    @Test
    void refusesASourceAddressThatIsNotLocalBeforeConnecting() throws Exception {
        configure(farPartner(PKI.server()), FAR_ID, "192.0.2.1");
        SessionResult inside = insideSends(relay.folder("inside-out"));

        assertEquals(SessionOutcome.CONNECTION_FAILED, inside.outcome(), inside::toString);
        assertEquals(0, relay.server().activeSessions());
        assertTrue(farResults.isEmpty(), "the partner saw no connection");
    }

    @Test
    void carriesAFileToAPartnerHostOnTheAllowList() throws Exception {
        configure(farPartner(PKI.server()), FAR_ID, "127.0.0.1", null, List.of("*.partner.example", "127.0.0.1"));
        Path outbox = relay.folder("inside-out");
        TestFiles.random(outbox, "ORDERS", 1024, 1);

        SessionResult inside = insideSends(outbox);

        assertEquals(SessionOutcome.NORMAL_END, inside.outcome(), inside::toString);
    }

    @Test
    void refusesAPartnerHostOffTheAllowListWithoutConnecting() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        listener.accept().close();
                        accepted.incrementAndGet();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "counting-acceptor");
            acceptor.start();
            configure((InetSocketAddress) listener.getLocalSocketAddress(), FAR_ID, "127.0.0.1", null,
                    List.of("*.partner.example"));

            SessionResult inside = insideSends(relay.folder("inside-out"));

            assertEquals(SessionOutcome.CONNECTION_FAILED, inside.outcome(), inside::toString);
            assertEquals(0, relay.server().activeSessions());
            // Accepts come in order: once this probe is counted, any earlier connection from the relay would be too.
            try (Socket probe = new Socket(listener.getInetAddress(), listener.getLocalPort())) {
                Await.until(() -> accepted.get() >= 1, RelayHarness.TIMEOUT, "the probe's accept from " + probe);
            }
            assertEquals(1, accepted.get(), "only the probe reached the listener");
        }
    }
}
