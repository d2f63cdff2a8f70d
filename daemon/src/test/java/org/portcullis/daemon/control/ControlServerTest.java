package org.portcullis.daemon.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.daemon.metrics.PrometheusSyntax;
import org.portcullis.testkit.Await;

/** The control port over real loopback sockets, with the real log4j configuration of the test JVM. */
class ControlServerTest {
    private static final String SECRET = ControlSecretTest.SECRET;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Under org.portcullis, which log4j2-test.xml sets to INFO. */
    private static final Logger SESSION_LOG = LogManager.getLogger("org.portcullis.test.Session");

    private final FakeDaemon daemon = new FakeDaemon();
    private final AtomicBoolean draining = new AtomicBoolean();
    private EventLoopGroup loop;
    private LogLevels levels;
    private ControlServer server;
    private ControlAddress address;

    @BeforeEach
    void start() {
        loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        levels = LogLevels.forThisProcess(Clock.systemUTC(), loop).attach();
        ControlCommands commands = new ControlCommands(new ControlCommands.Facts("test-daemon", "1.2.3", 4242,
                Instant.now().minusSeconds(3600)), daemon, levels, draining::get, Clock.systemUTC());
        server = new ControlServer(ControlAddress.parse("127.0.0.1:0"), ControlSecret.of(SECRET), commands, loop);
        address = server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        levels.close();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private ControlResponse send(String command) throws IOException {
        return ControlClient.send(address, SECRET, command, TIMEOUT);
    }

    @Test
    void statusShowsTheProcessTheDaemonAndItsSessions() throws IOException {
        daemon.add("3f2a9c", "O0013000000PARTNER");
        ControlResponse status = send("status");
        assertTrue(status.ok(), status::toString);
        List<String> lines = status.body().lines().toList();
        assertEquals(List.of("daemon: test-daemon", "version: 1.2.3", "pid: 4242"), lines.subList(0, 3));
        for (String field : List.of("started: ", "uptime: 3600s", "state: running", "license: ACME Logistics GmbH",
                "link: up", "config: revision r7", "route: direct", "log-levels: as configured", "sessions: 1",
                "  3f2a9c partner=O0013000000PARTNER direction=incoming peer=192.0.2.7:40001 bytes-from-partner=1200 "
                        + "bytes-to-partner=345 age=30s")) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(field)), () -> field + " in " + lines);
        }
        draining.set(true);
        assertTrue(send("status").body().contains("state: draining\n"));
    }

    @Test
    void aWrongSecretGetsNothingAndIsLogged() throws IOException {
        try (LogCapture log = LogCapture.collect()) {
            IOException refused = assertThrows(IOException.class,
                    () -> ControlClient.send(address, SECRET + "x", "status", TIMEOUT));
            assertTrue(refused.getMessage().contains("without an answer"), refused.getMessage());
            Await.until(() -> log.contains("refused: wrong secret"), TIMEOUT, "the refusal's log line");
            assertEquals(1, log.lines(line -> line.contains("control connection")).size(), log.lines()::toString);
        }
    }

    @Test
    void aConnectionFromAnAddressBeyondLoopbackGetsNothing() throws IOException {
        Optional<InetAddress> other = nonLoopbackAddress();
        Assumptions.assumeTrue(other.isPresent(), "this host has no address beyond loopback");
        try (LogCapture log = LogCapture.collect(); Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(other.get(), 0));
            socket.connect(address.socketAddress(), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write((SECRET + "\nstatus\n").getBytes(StandardCharsets.US_ASCII));
            assertEquals(-1, readAll(socket.getInputStream()), "closed without a word");
            Await.until(() -> log.contains("refused: not a loopback address"), TIMEOUT, "the refusal's log line");
        }
    }

    private static int readAll(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException reset) {
            return -1;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress each : Collections.list(network.getInetAddresses())) {
                    if (each instanceof Inet4Address && !each.isLoopbackAddress() && !each.isLinkLocalAddress()) {
                        return Optional.of(each);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void refusesUnknownCommandsAndArguments() throws IOException {
        ControlResponse unknown = send("reboot");
        assertFalse(unknown.ok());
        assertTrue(unknown.message().startsWith("unknown command reboot; commands: status"), unknown.message());
        assertFalse(send("status now").ok());
        assertFalse(send("").ok());
    }

    @Test
    void aLevelSetOverTheControlPortChangesWhatIsLoggedWithoutARestart() throws IOException {
        try (LogCapture log = LogCapture.collect()) {
            SESSION_LOG.debug("before: hidden");
            ControlResponse set = send("loglevel DEBUG");
            assertTrue(set.ok(), set::toString);
            assertEquals("logger org.portcullis at DEBUG\n", set.body());
            SESSION_LOG.debug("while DEBUG: shown");
            String status = send("status").body();
            assertTrue(status.contains("log-levels: logger org.portcullis DEBUG\n"), status);
            assertTrue(send("loglevel reset").ok());
            SESSION_LOG.debug("after reset: hidden");
            List<String> debug = log.lines(line -> line.startsWith("DEBUG org.portcullis.test.Session"));
            assertEquals(List.of("DEBUG org.portcullis.test.Session while DEBUG: shown"), debug);
            assertTrue(log.contains("log level set over the control port: logger org.portcullis at DEBUG"));
        }
    }

    @Test
    void aPartnersDebugLevelShowsThatPartnersLinesAndNoOthersUntilItReverts() throws IOException {
        SessionTag first = new SessionTag("s1", "O0013000000FIRST");
        SessionTag second = new SessionTag("s2", "O0013000000SECOND");
        try (LogCapture log = LogCapture.collect()) {
            ControlResponse set = send("loglevel DEBUG --partner O0013000000FIRST --revert-after 300ms");
            assertTrue(set.ok(), set::toString);
            SESSION_LOG.debug("{} partner -> inside: SSID", first);
            SESSION_LOG.debug("{} partner -> inside: SSID", second);
            SESSION_LOG.trace("{} octets", first);
            SESSION_LOG.info("{} session completed", second);
            Await.until(() -> log.contains("log level of partner O0013000000FIRST reverted"), TIMEOUT,
                    "the partner's level to revert");
            SESSION_LOG.debug("{} partner -> inside: SFID", first);
            assertEquals(List.of("DEBUG org.portcullis.test.Session [s1 O0013000000FIRST] partner -> inside: SSID",
                    "INFO org.portcullis.test.Session [s2 O0013000000SECOND] session completed"),
                    log.lines(line -> line.contains("org.portcullis.test.Session")));
        }
    }

    @Test
    void aSessionsLevelCanSilenceIt() throws IOException {
        try (LogCapture log = LogCapture.collect()) {
            assertTrue(send("loglevel ERROR --session s1").ok());
            SESSION_LOG.info("{} quiet", SessionTag.of("s1"));
            SESSION_LOG.info("{} loud", SessionTag.of("s2"));
            assertEquals(List.of("INFO org.portcullis.test.Session [s2] loud"),
                    log.lines(line -> line.contains("org.portcullis.test.Session")));
            assertTrue(send("status").body().contains("log-levels: session s1 ERROR\n"));
        }
    }

    @Test
    void metricsAreValidPrometheusText() throws IOException {
        daemon.add("3f2a9c", "O0013000000PARTNER");
        ControlResponse metrics = send("metrics");
        assertTrue(metrics.ok(), metrics::toString);
        List<PrometheusSyntax.Sample> samples = PrometheusSyntax.parse(metrics.body());
        assertEquals(1, PrometheusSyntax.value(samples, "portcullis_build_info", "daemon", "test-daemon", "version",
                "1.2.3"));
        assertTrue(PrometheusSyntax.value(samples, "portcullis_uptime_seconds") >= 3600);
        assertEquals(0, PrometheusSyntax.value(samples, "portcullis_draining"));
        assertEquals(1, PrometheusSyntax.value(samples, "portcullis_sessions_active", "direction", "incoming"));
    }

    @Test
    void killsASessionByItsId() throws IOException {
        daemon.add("3f2a9c", "O0013000000PARTNER");
        ControlResponse killed = send("kill-session 3f2a9c");
        assertTrue(killed.ok(), killed::toString);
        assertEquals(List.of("3f2a9c"), daemon.killed);
        ControlResponse none = send("kill-session 3f2a9c");
        assertEquals("no running session 3f2a9c", none.message());
        assertFalse(send("kill-session").ok());
    }

    @Test
    void closesAConnectionThatSendsAnOverlongLine() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address.socketAddress(), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(new byte[ControlInitializer.MAX_LINE + 10]);
            assertEquals(-1, readAll(socket.getInputStream()));
        }
    }
}
