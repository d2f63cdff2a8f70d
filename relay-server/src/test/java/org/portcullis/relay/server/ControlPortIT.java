package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.daemon.control.ControlAddress;
import org.portcullis.daemon.control.ControlClient;
import org.portcullis.daemon.control.ControlCommands;
import org.portcullis.daemon.control.ControlResponse;
import org.portcullis.daemon.control.ControlSecret;
import org.portcullis.daemon.control.ControlServer;
import org.portcullis.daemon.control.LogCapture;
import org.portcullis.daemon.control.LogLevels;
import org.portcullis.daemon.metrics.PrometheusSyntax;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.relay.server.session.AuditRecord;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/** relay-server behind its control port, in one JVM: status, sessions, kill-session, log levels, metrics. */
@Timeout(120)
class ControlPortIT {
    private static final String SECOND_ID = "O0013000000SECOND";

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayHarness relay = new RelayHarness(PKI);

    private EventLoopGroup loop;
    private LogLevels levels;
    private ControlServer control;
    private ControlAddress address;
    private String secret;

    @BeforeEach
    void openControlPort() throws Exception {
        loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        levels = LogLevels.forThisProcess(Clock.systemUTC(), loop).attach();
        secret = "control-port-it-" + System.nanoTime();
        Path secretFile = Files.writeString(relay.temp().resolve("secret"), secret);
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
        control = new ControlServer(ControlAddress.parse("0"), ControlSecret.read(secretFile),
                new ControlCommands(new ControlCommands.Facts("relay-server", "test", ProcessHandle.current().pid(),
                        Instant.now()), new ServerDaemon(relay.server(), Clock.systemUTC()), levels, () -> false,
                        Clock.systemUTC()), loop);
        address = control.start();
        relay.client().push(new TestRelayConfig(PKI).addPartner(TestRelayConfig.partner(SECOND_ID)).json(),
                RelayHarness.TIMEOUT);
    }

    @AfterEach
    void closeControlPort() {
        control.close();
        levels.close();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private String send(String command) throws IOException {
        ControlResponse response = ControlClient.send(address, secret, command, RelayHarness.TIMEOUT);
        assertTrue(response.ok(), response::toString);
        return response.body();
    }

    private CompletableFuture<SessionResult> session(String odetteId, String password, InsideGate gate)
            throws Exception {
        relay.client().holdInside(gate);
        Path outbox = relay.folder(odetteId + "-out");
        TestFiles.random(outbox, "PAYLOAD", 2L * TestFiles.MIB, 3);
        return relay.partner(PeerConfig.builder(odetteId, password).sendDir(outbox), PKI.client(odetteId), odetteId)
                .connect(relay.partnerAddress());
    }

    private SessionResult completed(String odetteId) throws Exception {
        SessionResult result = session(odetteId, TestRelayConfig.PARTNER_PASSWORD, InsideGate.OPEN)
                .get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(SessionOutcome.NORMAL_END, result.outcome(), result::toString);
        return result;
    }

    private static List<String> debugOf(LogCapture log, String odetteId) {
        return log.lines(line -> line.startsWith("DEBUG ") && line.contains(" " + odetteId + "]"));
    }

    @Test
    void aPartnersDebugLevelShowsItsCommandsAndNoOthersAndRevertsOnTime() throws Exception {
        try (LogCapture log = LogCapture.collect()) {
            send("loglevel DEBUG --partner " + TestRelayConfig.PARTNER_ID);
            completed(TestRelayConfig.PARTNER_ID);
            completed(SECOND_ID);

            List<String> first = debugOf(log, TestRelayConfig.PARTNER_ID);
            for (String command : List.of("partner -> inside: SSID", "partner -> inside: SFID",
                    "inside -> partner: SFPA", "partner -> inside: EFID", "partner -> inside: ESID")) {
                assertTrue(first.stream().anyMatch(line -> line.contains(command)), () -> command + " in " + first);
            }
            assertEquals(List.of(), debugOf(log, SECOND_ID), "no DEBUG line of the other partner");
            assertTrue(log.contains("session completed"), "INFO lines of both as usual");

            send("loglevel DEBUG --partner " + TestRelayConfig.PARTNER_ID + " --revert-after 300ms");
            Await.until(() -> log.contains("log level of partner " + TestRelayConfig.PARTNER_ID + " reverted"),
                    RelayHarness.TIMEOUT, "the partner's level to revert");
            int before = debugOf(log, TestRelayConfig.PARTNER_ID).size();
            completed(TestRelayConfig.PARTNER_ID);
            assertEquals(before, debugOf(log, TestRelayConfig.PARTNER_ID).size(), "no DEBUG line after the revert");
        }
    }

    @Test
    void statusAndSessionsShowARunningTransferWhichKillSessionEndsWithEsid05() throws Exception {
        InsideGate gate = InsideGate.holdingAfter(TestFiles.MIB);
        CompletableFuture<SessionResult> running = session(TestRelayConfig.PARTNER_ID,
                TestRelayConfig.PARTNER_PASSWORD, gate);
        gate.holding().get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        String status = send("status");
        for (String field : List.of("daemon: relay-server\n", "state: running\n", "license: none read",
                "link: up (link-", "config: revision 1, applied ", "partner-listeners: 127.0.0.1:",
                "route: n/a", "sessions: 1\n", "partner=" + TestRelayConfig.PARTNER_ID + " direction=incoming "
                        + "peer=127.0.0.1:")) {
            assertTrue(status.contains(field), () -> field + " in\n" + status);
        }
        String line = send("sessions");
        assertEquals(1, line.lines().count(), line);
        long fromPartner = Long.parseLong(line.replaceAll("(?s).*bytes-from-partner=(\\d+).*", "$1"));
        assertTrue(fromPartner > TestFiles.MIB / 2, line);
        String id = line.substring(0, line.indexOf(' '));

        assertEquals("session " + id + " ended with ESID 05\n", send("kill-session " + id));

        SessionResult partner = running.get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(EsidReason.LOCAL_SITE_EMERGENCY_CLOSE_DOWN, partner.esidReceived().reason(), partner::toString);
        AuditRecord audit = relay.awaitAudit(record -> record.sessionId().equals(id), "the killed session's record");
        assertEquals("ended over the control port (kill-session)", audit.reason());
        Await.until(() -> sessionsListed() == 0, RelayHarness.TIMEOUT, "the session to be gone");
    }

    private long sessionsListed() {
        try {
            return send("sessions").lines().count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void metricsCountSessionsBytesAndRefusalsAsPrometheusText() throws Exception {
        completed(TestRelayConfig.PARTNER_ID);
        SessionResult refused = session(SECOND_ID, "WRONG", InsideGate.OPEN)
                .get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(EsidReason.INVALID_PASSWORD, refused.esidReceived().reason(), refused::toString);
        relay.awaitAudit(record -> record.verdict() == AuditRecord.Verdict.REFUSED, "the refusal's record");

        List<PrometheusSyntax.Sample> samples = PrometheusSyntax.parse(send("metrics"));

        assertEquals(1, PrometheusSyntax.value(samples, "portcullis_sessions_total", "verdict", "completed"));
        assertEquals(1, PrometheusSyntax.value(samples, "portcullis_sessions_total", "verdict", "refused"));
        assertEquals(1, PrometheusSyntax.value(samples, "portcullis_refusals_total", "reason", "invalid_password"));
        assertTrue(PrometheusSyntax.value(samples, "portcullis_session_bytes_total", "direction", "from_partner")
                > 2 * TestFiles.MIB);
        assertTrue(PrometheusSyntax.value(samples, "portcullis_session_bytes_total", "direction", "to_partner") > 0);
        assertEquals(0, PrometheusSyntax.value(samples, "portcullis_sessions_active", "direction", "incoming"));
        assertEquals(1, PrometheusSyntax.value(samples, "portcullis_link_up"));
        assertEquals(1, PrometheusSyntax.value(samples, "portcullis_config_loaded"));
        assertTrue(PrometheusSyntax.value(samples, "portcullis_config_age_seconds") >= 0);
        assertFalse(samples.stream().anyMatch(sample -> sample.labels().containsValue(TestRelayConfig.PARTNER_ID)),
                "no partner as a label");
    }
}
