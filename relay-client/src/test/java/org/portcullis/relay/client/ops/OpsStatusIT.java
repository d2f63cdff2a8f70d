package org.portcullis.relay.client.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * {@code ops/status} against the real daemons, started from their launchers with PID files and log folders: all
 * OK while they run, FAIL for every check once they stopped; and the files they write meanwhile (daily logs, the
 * audit line of a refused partner).
 */
@Timeout(240)
class OpsStatusIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Checks of a system with one public and one route port: 2 processes, 3 server sockets, 2 client sockets. */
    private static final int CHECKS = 7;

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @TempDir
    Path dir;

    private RunningSystem system;

    @AfterEach
    void stop() throws InterruptedException {
        if (system != null) {
            system.kill();
        }
    }

    @Test
    void allOkWhileTheSystemRunsAndFailOnceItStopped() throws Exception {
        system = new RunningSystem(PKI, dir).start();

        Scripts.Result running = Scripts.run(Scripts.ops("status", system.statusOptions()));

        assertEquals(0, running.exitCode(), () -> running.output() + system.console());
        List<String> lines = running.output().lines().toList();
        assertEquals(CHECKS + 1, lines.size(), running.output());
        assertTrue(lines.subList(0, CHECKS).stream().allMatch(line -> line.startsWith("OK    ")), running.output());
        assertTrue(running.output().contains("OK    relay-server: link connection ESTABLISHED on port "
                + system.linkPort() + " (127.0.0.1:" + system.linkPort() + "->127.0.0.1:"), running.output());
        assertTrue(running.output().contains("OK    relay-client: route port " + system.routePort() + " in LISTEN"),
                running.output());
        assertEquals("status: all " + CHECKS + " checks OK", lines.get(CHECKS));

        refusedPartnerIsAudited();
        system.stop(0);
        Scripts.Result stopped = Scripts.run(Scripts.ops("status", system.statusOptions()));

        assertEquals(1, stopped.exitCode(), stopped.output());
        List<String> failed = stopped.output().lines().toList();
        assertTrue(failed.subList(0, CHECKS).stream().allMatch(line -> line.startsWith("FAIL  ")), stopped.output());
        assertTrue(failed.get(0).contains("relay-server: no PID file " + system.pidFile("relay-server")),
                stopped.output());
        assertEquals("status: " + CHECKS + " of " + CHECKS + " checks FAILED", failed.get(CHECKS));
        String serverLog = Scripts.read(system.logFile("relay-server"));
        assertTrue(serverLog.contains("relay-server stopped"), serverLog);
        assertTrue(system.logFile("relay-client").getFileName().toString()
                .matches("relay-client-\\d{4}-\\d{2}-\\d{2}\\.log"), system.logFile("relay-client")::toString);
    }

    @Test
    void aPidFileOfAnotherProgramFailsAndAnEnvFileGivesThePorts() throws Exception {
        Path pidFile = Files.writeString(dir.resolve("relay-server.pid"), ProcessHandle.current().pid() + "\n");
        Path env = Files.writeString(dir.resolve("demo.env"), String.join("\n",
                "# written by a demo",
                "SERVER_PID=\"" + pidFile + "\"",
                "LINK_PORT=12878",
                "PUBLIC_PORTS=\"16619, 16620\"", ""));

        Scripts.Result status = Scripts.run(Scripts.ops("status", "--env", env.toString(), "server"));

        assertEquals(1, status.exitCode(), status.output());
        assertTrue(status.output().startsWith("FAIL  relay-server: PID " + ProcessHandle.current().pid() + " (from "
                + pidFile + ") is not relay-server but: "), status.output());
        assertTrue(status.output().contains("FAIL  relay-server: link port 12878 in LISTEN (no relay-server process"),
                status.output());
        assertTrue(status.output().contains("public port 16620 in LISTEN"), status.output());
        assertFalse(status.output().contains("relay-client"), "only the daemon asked for: " + status.output());
    }

    @Test
    void aWrongOptionIsAUsageError() throws Exception {
        Scripts.Result status = Scripts.run(Scripts.ops("status", "--link-port", "http"));

        assertEquals(2, status.exitCode(), status.output());
        assertTrue(status.output().contains("a port option wants a port from 1 to 65535, not \"http\""),
                status.output());
    }

    /** A connection closed before TLS: one audit line, in the audit file of the day, as an IDS reads it. */
    private void refusedPartnerIsAudited() throws IOException {
        try (Socket partner = new Socket()) {
            partner.connect(new InetSocketAddress("127.0.0.1", system.publicPort()));
        }
        Await.until(() -> !Scripts.read(system.logFile("audit")).isEmpty(), Scripts.TIMEOUT, "the audit line");
        Path audit = system.logFile("audit");
        assertTrue(audit.getFileName().toString().matches("audit-\\d{4}-\\d{2}-\\d{2}\\.json"), audit::toString);
        String[] lines = Files.readString(audit).split("\n");
        assertEquals(1, lines.length, () -> Arrays.toString(lines));
        JsonNode line = JSON.readTree(lines[0]);
        assertEquals("refused", line.at("/portcullis/verdict").asText(), lines[0]);
        assertEquals("127.0.0.1", line.at("/source/ip").asText(), lines[0]);
        assertEquals(system.publicPort(), line.at("/destination/port").asInt(), lines[0]);
        assertFalse(Scripts.read(system.logFile("relay-server")).contains(lines[0]), "audit lines only in their file");
    }
}
