package org.portcullis.e2e;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.portcullis.config.RelayConfig;
import org.portcullis.link.Backoff;
import org.portcullis.link.LinkSettings;
import org.portcullis.oftp2.peer.OftpPeer;
import org.portcullis.relay.client.RelayClient;
import org.portcullis.relay.client.RelayClientSettings;
import org.portcullis.relay.client.config.ConfigFileWatcher;
import org.portcullis.relay.server.RelayServer;
import org.portcullis.relay.server.RelayServerSettings;
import org.portcullis.relay.server.session.AuditRecord;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.TestPki;

/**
 * The relay path of DESIGN.md, all real, on loopback, per test: relay-server in this JVM through its lifecycle
 * class with link credentials and a license from files; the inside OFTP2 daemon behind its counting
 * {@link InsideFront}; and relay-client, started by the test with the configuration document it needs, in this JVM
 * ({@link #startClient}, with {@code --config-file}'s watcher) or as a process of its runnable jar
 * ({@link #startClientProcess}). Partners are made with {@link Partners}.
 */
final class RelayPath implements BeforeEachCallback, AfterEachCallback {
    /** The longest any one step of a test waits. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The configuration file is checked this often in this JVM (relay-client's command checks every 5 s). */
    static final Duration CONFIG_CHECK = Duration.ofMillis(100);
    /** relay-client reconnects fast in this JVM; the process keeps its defaults (1 s doubling). */
    static final Backoff FAST_BACKOFF = new Backoff(Duration.ofMillis(50), Duration.ofMillis(500), 0.2);
    static final Duration SSRM_TIMEOUT = Duration.ofSeconds(10);

    private final TestPki pki;
    private final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
    private final Deque<AutoCloseable> closeLast = new ArrayDeque<>();
    private Path temp;
    private EventLoopGroup group;
    private OftpPeer peers;
    private InsideDaemon inside;
    private LinkPki link;
    private TestLicense license;
    private Identity serverIdentity;
    private RelayServer server;
    private InetSocketAddress linkAddress;
    private Path configFile;
    private int processes;

    RelayPath(TestPki pki) {
        this.pki = pki;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        temp = Files.createTempDirectory("portcullis-e2e-");
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        peers = OftpPeer.create(2, 4);
        inside = new InsideDaemon(peers, group, temp);
        link = new LinkPki(pki);
        license = TestLicense.issue(temp);
        serverIdentity = pki.server();
        configFile = temp.resolve("relay.json");
        server = new RelayServer(new RelayServerSettings(new InetSocketAddress("127.0.0.1", 0), link.server(),
                LinkSettings.defaults(), audit::add, license.check()));
        linkAddress = server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        // Everything is closed even when one close fails; the first failure is thrown at the end.
        Exception first = null;
        while (!closeLast.isEmpty()) {
            try {
                closeLast.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
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
        delete(temp);
        if (first != null) {
            throw first;
        }
    }

    /** The configuration of revision 1: the partner {@link TestConfig#PARTNER_ID}, the inside daemon's front. */
    RelayConfig config() {
        return TestConfig.base(serverIdentity, pki.ca().certificate(), inside.address());
    }

    /** The certificate relay-server presents to partners in {@link #config()}. */
    Identity serverIdentity() {
        return serverIdentity;
    }

    /**
     * Starts relay-client in this JVM with {@code config} as its configuration file, and waits until relay-server
     * has applied it (its partner listener is open).
     */
    RelayClient startClient(RelayConfig config) throws InterruptedException {
        RelayClient client = startClient(config, linkAddress);
        awaitConfigured();
        return client;
    }

    /**
     * Starts relay-client in this JVM dialling {@code server} (another relay-server, say) with {@code config} as its
     * configuration file; waits for nothing. Closed after the test.
     */
    RelayClient startClient(RelayConfig config, InetSocketAddress server) throws InterruptedException {
        TestConfig.write(configFile, config);
        RelayClient client = closeAfterwards(new RelayClient(new RelayClientSettings(server, null, link.client(),
                LinkSettings.defaults(), FAST_BACKOFF, SSRM_TIMEOUT), ConfigFileWatcher.open(configFile,
                CONFIG_CHECK)));
        client.start();
        return client;
    }

    /**
     * Starts relay-client as a process of its runnable jar, as {@code relay-client -d -S ... --config-file FILE
     * --link-cert ...}, and waits until relay-server has applied the configuration. Stopped after the test.
     */
    DaemonProcess startClientProcess(RelayConfig config) {
        DaemonProcess process = startClientProcess(config, linkAddress);
        awaitConfigured();
        return process;
    }

    /** As {@link #startClientProcess(RelayConfig)}, dialling {@code server}; waits for nothing. */
    DaemonProcess startClientProcess(RelayConfig config, InetSocketAddress server) {
        TestConfig.write(configFile, config);
        return startClientProcess(server, List.of("--config-file", configFile.toString()));
    }

    /**
     * Starts relay-client as a process dialling {@code server}, with its configuration source (and any other
     * options) in {@code extra}; waits for nothing. Stopped after the test.
     */
    DaemonProcess startClientProcess(InetSocketAddress server, List<String> extra) {
        int number = ++processes;
        // A PID file of its own (the default is under /run): a daemon restarted after SIGKILL gets a fresh one.
        List<String> arguments = new ArrayList<>(List.of("-d", "-S", "127.0.0.1:" + server.getPort(),
                "--pid-file", temp.resolve("relay-client-" + number + ".pid").toString()));
        arguments.addAll(link.clientArguments());
        arguments.addAll(extra);
        return closeAfterwards(DaemonProcess.start("relay-client.jar",
                temp.resolve("relay-client-" + number + ".log"), arguments));
    }

    /**
     * Starts relay-server as a process of its runnable jar, as {@code relay-server -i 127.0.0.1:0 --link-cert ...
     * -l LICENSE --license-trust KEY} plus {@code extra} arguments; waits for nothing. Stopped after the test.
     */
    DaemonProcess startServerProcess(List<String> extra) {
        return startServerProcess(0, extra);
    }

    /** As {@link #startServerProcess(List)}, its link on {@code linkPort} (as it was before a restart, say). */
    DaemonProcess startServerProcess(int linkPort, List<String> extra) {
        int number = ++processes;
        List<String> arguments = new ArrayList<>(List.of("-i", "127.0.0.1:" + linkPort, "--pid-file",
                temp.resolve("relay-server-" + number + ".pid").toString()));
        arguments.addAll(link.serverArguments());
        arguments.addAll(extra);
        return closeAfterwards(DaemonProcess.start("relay-server.jar",
                temp.resolve("relay-server-" + number + ".log"), arguments));
    }

    /** Replaces relay-client's configuration file (relay-client sees it within {@link #CONFIG_CHECK}). */
    void writeConfig(RelayConfig config) {
        TestConfig.write(configFile, config);
    }

    private void awaitConfigured() {
        Await.until(() -> server.linkUp() && !server.partnerAddresses().isEmpty(), TIMEOUT,
                "relay-server to have relay-client's link and configuration");
    }

    RelayServer server() {
        return server;
    }

    /** The address relay-client dials. */
    InetSocketAddress linkAddress() {
        return linkAddress;
    }

    /** The license relay-server runs with. */
    TestLicense license() {
        return license;
    }

    /** Where partners connect: relay-server's first public listener. */
    InetSocketAddress partnerAddress() {
        List<InetSocketAddress> addresses = server.partnerAddresses();
        if (addresses.isEmpty()) {
            throw new AssertionError("relay-server listens for no partner");
        }
        return addresses.get(0);
    }

    InsideDaemon inside() {
        return inside;
    }

    OftpPeer peers() {
        return peers;
    }

    /** Event loops for the tests' own hand-made peers. */
    EventLoopGroup group() {
        return group;
    }

    TestPki pki() {
        return pki;
    }

    /** A new folder of this test. */
    Path folder(String name) {
        try {
            return Files.createDirectories(temp.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closed after the test, before relay-server, in the reverse order of registration. */
    <T extends AutoCloseable> T closeAfterwards(T closeable) {
        closeLast.push(closeable);
        return closeable;
    }

    /** relay-server's audit records so far. */
    List<AuditRecord> audit() {
        return audit;
    }

    /** Waits for the audit record a predicate picks. */
    AuditRecord awaitAudit(Predicate<AuditRecord> which, String what) {
        Await.until(() -> audit.stream().anyMatch(which), TIMEOUT, what);
        return audit.stream().filter(which).findFirst().orElseThrow();
    }

    private static void delete(Path folder) throws IOException {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
