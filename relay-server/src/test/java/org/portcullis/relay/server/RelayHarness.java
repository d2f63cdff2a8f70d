package org.portcullis.relay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.portcullis.link.LinkCredentials;
import org.portcullis.link.LinkSettings;
import org.portcullis.oftp2.peer.OftpPeer;
import org.portcullis.oftp2.peer.PeerClient;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.PeerServer;
import org.portcullis.oftp2.peer.PeerTls;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.relay.server.license.RunningLicense;
import org.portcullis.relay.server.session.AuditRecord;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

/**
 * A relay-server under test with everything around it, per test: the server on loopback with real link
 * credentials, a {@link FakeRelayClient} linked to it, an inside reference peer (plain TCP Responder) behind
 * the client, and reference peers for partners. Audit records are collected, and their JSON lines parsed.
 */
final class RelayHarness implements BeforeEachCallback, AfterEachCallback {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The license the server runs with, made in the test's temporary folder. */
    @FunctionalInterface
    interface LicenseFactory {
        RunningLicense make(Path temp) throws IOException;
    }

    private final TestPki pki;
    private final LicenseFactory license;
    private EventLoopGroup group;
    private OftpPeer peers;
    private Path temp;
    private RelayServer server;
    private FakeRelayClient client;
    private PeerServer inside;
    private final BlockingQueue<SessionResult> insideResults = new LinkedBlockingQueue<>();
    private final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
    private final List<JsonNode> auditLines = new CopyOnWriteArrayList<>();

    /** A server without a license file: no session limit from a license, no expiry. */
    RelayHarness(TestPki pki) {
        this(pki, temp -> RunningLicense.unlimited());
    }

    RelayHarness(TestPki pki, LicenseFactory license) {
        this.pki = pki;
        this.license = license;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        temp = Files.createTempDirectory("relay-server-it-");
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        peers = OftpPeer.create(2, 2);
        inside = peers.listen(PeerConfig.builder(TestRelayConfig.INSIDE_ID, "ISECRET")
                .receiveDir(Files.createDirectories(temp.resolve("inside-in"))).build(),
                new InetSocketAddress("127.0.0.1", 0), insideResults::add);
        PemFiles serverLink = pki.write(pki.server(), "link-server");
        PemFiles clientLink = pki.write(pki.client("relay-client"), "link-client");
        server = new RelayServer(new RelayServerSettings(new InetSocketAddress("127.0.0.1", 0),
                new LinkCredentials(serverLink.certificateChain(), serverLink.privateKey(), serverLink.caCertificate(),
                        null), LinkSettings.defaults(), this::audit, license.make(temp)));
        InetSocketAddress link = server.start();
        client = new FakeRelayClient(group, link, new LinkCredentials(clientLink.certificateChain(),
                clientLink.privateKey(), clientLink.caCertificate(), null), inside.localAddress());
        client.start(TIMEOUT);
        Await.until(server::linkUp, TIMEOUT, "the server to see the link");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (inside != null) {
            inside.close();
        }
        if (peers != null) {
            peers.close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        try (Stream<Path> paths = Files.walk(temp)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    RelayServer server() {
        return server;
    }

    FakeRelayClient client() {
        return client;
    }

    EventLoopGroup group() {
        return group;
    }

    Path temp() {
        return temp;
    }

    /** Where the inside peer puts what it receives. */
    Path insideReceived() {
        return temp.resolve("inside-in");
    }

    /** The inside peer's next session result. */
    SessionResult nextInsideResult() throws InterruptedException {
        SessionResult result = insideResults.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (result == null) {
            throw new AssertionError("the inside peer reported no session within " + TIMEOUT);
        }
        return result;
    }

    /** The first partner listener's address. */
    InetSocketAddress partnerAddress() {
        List<InetSocketAddress> addresses = server.partnerAddresses();
        if (addresses.isEmpty()) {
            throw new AssertionError("relay-server listens for no partner");
        }
        return addresses.get(0);
    }

    /** Waits for the audit record a predicate picks. */
    AuditRecord awaitAudit(Predicate<AuditRecord> which, String what) {
        Await.until(() -> audit.stream().anyMatch(which), TIMEOUT, what);
        return audit.stream().filter(which).findFirst().orElseThrow();
    }

    List<AuditRecord> audit() {
        return audit;
    }

    /** Waits for the audit line, as the audit log writes it and parsed, that a predicate picks. */
    JsonNode awaitAuditLine(Predicate<JsonNode> which, String what) {
        Await.until(() -> auditLines.stream().anyMatch(which), TIMEOUT, what);
        return auditLines.stream().filter(which).findFirst().orElseThrow();
    }

    private void audit(AuditRecord record) {
        String line = record.toJson();
        try {
            auditLines.add(JSON.readTree(line));
        } catch (IOException e) {
            throw new AssertionError("an audit line that is not JSON: " + line, e);
        }
        audit.add(record);
    }

    /** A partner peer: the Initiator with a TLS client identity (or none) trusting the test CA. */
    PeerClient partner(PeerConfig.Builder config, Identity identity, String name) throws SSLException {
        PemFiles files = identity == null ? null : pki.write(identity, name);
        Path ca = pki.writeCa();
        PeerTls tls = files == null ? new PeerTls(null, null, ca)
                : new PeerTls(files.certificateChain(), files.privateKey(), ca);
        return peers.client(config.tls(tls).build());
    }

    /** A TLS client context for raw partners, with the identity as client certificate (or none). */
    SslContext rawTls(Identity identity) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forClient().trustManager(pki.ca().certificate())
                .protocols("TLSv1.3", "TLSv1.2");
        if (identity != null) {
            builder.keyManager(identity.privateKey(), identity.certificate());
        }
        return builder.build();
    }

    /** A folder for a partner's files to send, made once. */
    Path folder(String name) {
        try {
            return Files.createDirectories(temp.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
