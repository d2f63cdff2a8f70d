package org.portcullis.relay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.daemon.control.ControlAddress;
import org.portcullis.daemon.control.ControlClient;
import org.portcullis.daemon.control.ControlCommands;
import org.portcullis.daemon.control.ControlResponse;
import org.portcullis.daemon.control.ControlSecret;
import org.portcullis.daemon.control.ControlServer;
import org.portcullis.daemon.control.LogCapture;
import org.portcullis.daemon.control.LogLevels;
import org.portcullis.daemon.metrics.PrometheusSyntax;
import org.portcullis.link.LinkStream;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/** relay-client behind its control port, in one JVM: status, sessions, kill-session, log levels, metrics. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientControlIT {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();
    private static final byte[] PARTNER_SSID = OftpFrames.frame(Ssid.builder().odetteId("O0013000000PARTNER")
            .password("SECRET1").build());
    private static final byte[] INSIDE_SSID = OftpFrames.frame(Ssid.builder().odetteId("O0013000000INSIDE")
            .password("SECRET2").build());
    private static final String SECRET = "client-control-it-secret-0123";

    @TempDir
    Path folder;

    private final ClientTestSetup setup = new ClientTestSetup(PKI);
    private final FakeRelayServer server = new FakeRelayServer(setup.serverCredentials());
    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private RelayClient client;
    private LogLevels levels;
    private ControlServer control;
    private ControlAddress address;

    @AfterEach
    void stop() {
        if (control != null) {
            control.close();
            levels.close();
        }
        if (client != null) {
            client.close();
        }
        server.close();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private StreamRecorder relaying(FakeInsideDaemon daemon) throws Exception {
        Path config = setup.writeConfig(folder.resolve("relay.json"), "r7", daemon.port(),
                List.of(ClientConfigs.Route.anyPort("out")));
        client = setup.client(server.start(), config);
        client.start();
        server.nextConfig();
        levels = LogLevels.forThisProcess(Clock.systemUTC(), loop).attach();
        control = new ControlServer(ControlAddress.parse("0"), ControlSecret.read(secretFile()),
                new ControlCommands(new ControlCommands.Facts("relay-client", "test", 1, Instant.now()),
                        new ClientDaemon(client, new PrintWriter(new StringWriter()), Clock.systemUTC()),
                        levels, () -> false, Clock.systemUTC()), loop);
        address = control.start();
        LinkStream stream = server.openIncoming("s-control");
        StreamRecorder partnerSide = StreamRecorder.on(stream);
        stream.write(Unpooled.wrappedBuffer(PARTNER_SSID));
        Await.until(() -> daemon.receivedCount() >= PARTNER_SSID.length, FakeRelayServer.WAIT, "the SSID inside");
        daemon.send(INSIDE_SSID);
        Await.until(() -> partnerSide.receivedCount() >= INSIDE_SSID.length, FakeRelayServer.WAIT, "the reply");
        return partnerSide;
    }

    private Path secretFile() throws IOException {
        Path file = Files.writeString(folder.resolve("relay-client.secret"), SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private String send(String command) throws IOException {
        ControlResponse response = ControlClient.send(address, SECRET, command, FakeRelayServer.WAIT);
        assertTrue(response.ok(), response::toString);
        return response.body();
    }

    @Test
    void statusShowsTheLinkTheConfigurationAndTheSessionWhichKillSessionEndsWithEsid05() throws Exception {
        try (FakeInsideDaemon daemon = new FakeInsideDaemon(OftpFrames.ssrm())) {
            StreamRecorder partnerSide = relaying(daemon);

            String status = send("status");
            for (String field : List.of("daemon: relay-client\n", "link: up to ", "config.revision: r7\n",
                    "config.age: ", "inside: 127.0.0.1:" + daemon.port() + "\n", "backend.route: n/a", "sessions: 1\n",
                    "  s-control partner=O0013000000PARTNER direction=incoming peer=192.0.2.7:40000 "
                            + "bytes-from-partner=" + PARTNER_SSID.length + " bytes-to-partner="
                            + INSIDE_SSID.length + " age=")) {
                assertTrue(status.contains(field), () -> field + " in\n" + status);
            }

            assertEquals("session s-control ended with ESID 05\n", send("kill-session s-control"));
            // relay-server, which the stream's close-down tells, sends the partner ESID 05.
            assertEquals("closed down: relay-client: ended over the control port (kill-session)",
                    partnerSide.ended.get(FakeRelayServer.WAIT.toMillis(), TimeUnit.MILLISECONDS));
            Await.until(() -> client.sessions().summaries().isEmpty(), FakeRelayServer.WAIT, "the session to go");
        }
    }

    @Test
    void aPartnersDebugLevelShowsItsSessionsLinesOnly() throws Exception {
        try (FakeInsideDaemon daemon = new FakeInsideDaemon(OftpFrames.ssrm()); LogCapture log = LogCapture.collect()) {
            relaying(daemon);
            send("loglevel DEBUG --partner O0013000000PARTNER");
            daemon.connection.join().close();
            Await.until(() -> log.contains("[s-control O0013000000PARTNER] inside connection closed; closing the "
                    + "stream"), FakeRelayServer.WAIT, "the partner's DEBUG line");
            assertTrue(log.lines(line -> line.startsWith("DEBUG ") && !line.contains("O0013000000PARTNER]")
                    && line.contains("org.portcullis.relay.client")).isEmpty(), log.lines()::toString);
        }
    }

    @Test
    void metricsCountSessionsAndRefusalsAsPrometheusText() throws Exception {
        try (FakeInsideDaemon daemon = new FakeInsideDaemon(OftpFrames.ssrm())) {
            relaying(daemon);
            daemon.connection.join().close();
            Await.until(() -> client.sessions().summaries().isEmpty(), FakeRelayServer.WAIT, "the session to end");
            server.stop();
            Await.until(() -> client.link().isEmpty(), FakeRelayServer.WAIT, "the link to drop");
            try (Socket refused = new Socket()) {
                refused.connect(client.routeAddress("out").orElseThrow());
                refused.setSoTimeout((int) FakeRelayServer.WAIT.toMillis());
                assertEquals(-1, refused.getInputStream().read(), "closed: no link");
            }

            List<PrometheusSyntax.Sample> samples = PrometheusSyntax.parse(send("metrics"));

            assertEquals(1, PrometheusSyntax.value(samples, "portcullis_sessions_total", "verdict", "closed"));
            assertEquals(1, PrometheusSyntax.value(samples, "portcullis_sessions_total", "verdict", "refused"));
            assertEquals(1, PrometheusSyntax.value(samples, "portcullis_refusals_total", "reason", "no_link"));
            assertEquals(PARTNER_SSID.length, PrometheusSyntax.value(samples, "portcullis_session_bytes_total",
                    "direction", "from_partner"));
            assertEquals(INSIDE_SSID.length, PrometheusSyntax.value(samples, "portcullis_session_bytes_total",
                    "direction", "to_partner"));
            assertEquals(0, PrometheusSyntax.value(samples, "portcullis_link_up"));
            assertTrue(PrometheusSyntax.value(samples, "portcullis_config_age_seconds") >= 0);
        }
    }
}
