package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.daemon.DaemonException;
import org.portcullis.link.LinkCredentials;
import org.portcullis.oftp2.peer.FileTransfer;
import org.portcullis.oftp2.peer.OftpPeer;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.PeerServer;
import org.portcullis.oftp2.peer.PeerTls;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;
import picocli.CommandLine;

/**
 * The runnable jar as a service: its PID file refuses a second start, {@code relay-server ctl} asks it, and SIGTERM
 * during a transfer lets the transfer complete before it exits 0 and removes its PID file.
 */
@Timeout(180)
class DaemonJarIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("link listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern PARTNERS = Pattern.compile("partner-listeners: 127\\.0\\.0\\.1:(\\d+)");

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @TempDir
    Path dir;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final OftpPeer peers = OftpPeer.create(2, 2);
    private final Deque<AutoCloseable> closing = new ArrayDeque<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable each : closing) {
            each.close();
        }
        peers.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private Path pidFile() {
        return dir.resolve("run/relay-server.pid");
    }

    private Path secret() throws IOException {
        Path secret = dir.resolve("relay-server.secret");
        if (!Files.exists(secret)) {
            Files.writeString(secret, "daemon-jar-it-secret-0123456789\n");
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
        return secret;
    }

    private List<String> arguments() throws Exception {
        PemFiles link = PKI.write(PKI.server(), "link-server");
        List<String> arguments = new ArrayList<>(List.of("-i", "127.0.0.1:0", "--link-cert",
                link.certificateChain().toString(), "--link-key", link.privateKey().toString(), "--link-ca",
                link.caCertificate().toString(), "--pid-file", pidFile().toString(), "--control", "0",
                "--control-secret", secret().toString()));
        arguments.addAll(RelayServerJar.licenseOptions(dir));
        return arguments;
    }

    /** {@code relay-server ctl ARGS} in this JVM, as an operator runs it on the host. */
    private String ctl(String... arguments) throws IOException {
        List<String> all = new ArrayList<>(List.of("ctl", "--pid-file", pidFile().toString(), "--control-secret",
                secret().toString()));
        all.addAll(List.of(arguments));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new RelayServerMain()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        assertEquals(0, code, err::toString);
        return out.toString();
    }

    @Test
    void aSigtermDuringATransferLetsItCompleteThenExitsZero() throws Exception {
        List<String> arguments = arguments();
        RelayServerJar server = RelayServerJar.start(dir.resolve("server.log"), arguments);
        closing.push(server);
        Await.until(() -> LINK.matcher(server.output()).find() || !server.isAlive(), TIMEOUT, "the link to listen");
        Matcher link = LINK.matcher(server.output());
        assertTrue(link.find(), server::output);

        RelayServerJar second = RelayServerJar.start(dir.resolve("second.log"), arguments);
        assertEquals(DaemonException.ALREADY_RUNNING, second.awaitExit(), second::output);
        assertTrue(second.output().contains("relay-server: relay-server is already running with PID " + server.pid()),
                second::output);

        InsideGate gate = InsideGate.holdingAfter(TestFiles.MIB);
        InetSocketAddress partners = linkedAndConfigured(Integer.parseInt(link.group(1)), gate);
        Path outbox = Files.createDirectories(dir.resolve("partner-out"));
        TestFiles.random(outbox, "PAYLOAD", 4L * TestFiles.MIB, 11);
        PemFiles partnerTls = PKI.write(PKI.client(TestRelayConfig.PARTNER_ID), "partner");
        CompletableFuture<SessionResult> running = peers.client(PeerConfig.builder(TestRelayConfig.PARTNER_ID,
                TestRelayConfig.PARTNER_PASSWORD).sendDir(outbox).tls(new PeerTls(partnerTls.certificateChain(),
                partnerTls.privateKey(), PKI.writeCa())).build()).connect(partners);
        gate.holding().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(ctl("status").contains("sessions: 1\n"));

        server.terminate();
        Await.until(() -> server.output().contains("relay-server stopping: no new sessions"), TIMEOUT,
                "the drain to start");
        assertTrue(ctl("status").contains("state: draining\n"));
        assertThrows(ConnectException.class, () -> connect(partners), "no new partner");
        assertTrue(server.isAlive());

        gate.opened().complete(null);
        SessionResult partner = running.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(SessionOutcome.NORMAL_END, partner.outcome(), partner::toString);
        assertTrue(partner.file("PAYLOAD", FileTransfer.Direction.SENT).delivered(), partner::toString);
        assertEquals(0, server.awaitExit(), server::output);
        String log = server.output();
        assertTrue(log.contains("no session runs any more"), log);
        assertTrue(log.contains("relay-server stopped"), log);
        assertFalse(Files.exists(pidFile()));
    }

    private static void connect(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) TIMEOUT.toMillis());
        }
    }

    /** Links a fake relay-client to the server, sends it a configuration, returns where partners connect. */
    private InetSocketAddress linkedAndConfigured(int linkPort, InsideGate gate) throws Exception {
        PeerServer inside = peers.listen(PeerConfig.builder(TestRelayConfig.INSIDE_ID, "ISECRET")
                .receiveDir(Files.createDirectories(dir.resolve("inside-in"))).build(),
                new InetSocketAddress("127.0.0.1", 0), result -> { });
        closing.push(inside::close);
        PemFiles clientLink = PKI.write(PKI.client("relay-client"), "link-client");
        FakeRelayClient client = new FakeRelayClient(group, new InetSocketAddress("127.0.0.1", linkPort),
                new LinkCredentials(clientLink.certificateChain(), clientLink.privateKey(),
                        clientLink.caCertificate(), null), inside.localAddress());
        closing.push(client);
        client.start(TIMEOUT);
        client.holdInside(gate);
        assertTrue(client.push(new TestRelayConfig(PKI).json(), TIMEOUT).path("applied").booleanValue());
        Matcher partners = PARTNERS.matcher(ctl("status"));
        assertTrue(partners.find());
        return new InetSocketAddress("127.0.0.1", Integer.parseInt(partners.group(1)));
    }
}
