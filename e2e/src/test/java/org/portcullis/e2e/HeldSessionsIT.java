package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.config.LimitConfig;
import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;
import org.portcullis.testkit.TestPki;

/**
 * Many partners admitted and idle after their SSID exchange (RFC 5024 §5.3.2), all at once, each with its session
 * to the inside daemon open: relay-server, a process with the 256 MiB heap it is given in production, holds them
 * all, and its heap after a full collection is reported per session. {@code -De2e.heldSessions=N} sets how many
 * (relay-client runs as a process too, so this JVM holds two connections per session under its 20 000 files).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HeldSessionsIT {
    private static final Logger LOG = LogManager.getLogger();
    private static final Duration TIMEOUT = RelayPath.TIMEOUT;
    private static final Pattern LINK_PORT = Pattern.compile("link listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern PARTNER_PORT = Pattern.compile("listening for partners on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    /** Partners connecting at once, as a burst of partners would. */
    private static final int CONNECTING = 32;

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    @Test
    void relayServerHoldsIdleSessionsInItsHeap() throws Exception {
        int count = Figures.heldSessions();
        DaemonProcess server = relay.startServerProcess(relay.license().arguments());
        InetSocketAddress link = loopback(server.awaitLog(LINK_PORT, TIMEOUT));
        // One address sets up CONNECTING sessions at once: more than a partner on the Internet may have waiting.
        relay.startClientProcess(relay.config().withLimits(new LimitConfig(count + 1,
                TestConfig.CONNECTIONS_PER_MINUTE).withPending(CONNECTING, LimitConfig.DEFAULT_PENDING_TOTAL)),
                link);
        InetSocketAddress partnerPort = loopback(server.awaitLog(PARTNER_PORT, TIMEOUT));
        long before = heapAfterCollection(server);

        SslContext tls = RawPartner.tls(PKI.client(TestConfig.PARTNER_ID), PKI.ca().certificate());
        List<RawPartner> held = new ArrayList<>();
        ExecutorService connecting = Executors.newFixedThreadPool(CONNECTING);
        long started = System.nanoTime();
        try {
            List<Future<RawPartner>> admitted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                admitted.add(connecting.submit(() -> admitted(partnerPort, tls)));
            }
            for (Future<RawPartner> partner : admitted) {
                held.add(relay.closeAfterwards(partner.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long after = heapAfterCollection(server);
            assertTrue(server.isAlive(), server::console);
            assertEquals(count, held.size());
            LOG.info("figure: {} sessions held after SSID (set up in {} s, {} per second); relay-server heap after a"
                    + " full collection {} MiB, {} before them: {} KiB per session", count,
                    String.format("%.1f", seconds), String.format("%.0f", count / seconds), after >> 20,
                    before >> 20, (after - before) / count >> 10);
        } finally {
            connecting.shutdownNow();
        }
    }

    /** A partner past its SSID exchange: the inside daemon's SSID came back through the relay. */
    private RawPartner admitted(InetSocketAddress partnerPort, SslContext tls) throws Exception {
        RawPartner partner = RawPartner.connect(relay.group(), partnerPort, tls, TIMEOUT);
        try {
            assertInstanceOf(Ssrm.class, partner.next(TIMEOUT));
            partner.send(Ssid.builder().odetteId(TestConfig.PARTNER_ID).password(TestConfig.PARTNER_PASSWORD)
                    .bufferSize(4096).credit(1).mode(SendReceiveMode.SENDER_ONLY).build());
            assertEquals(TestConfig.INSIDE_ID, assertInstanceOf(Ssid.class, partner.next(TIMEOUT)).odetteId());
            return partner;
        } catch (Exception | AssertionError e) {
            partner.close();
            throw e;
        }
    }

    /** The heap relay-server uses right after a full collection, by {@code jcmd}. */
    private static long heapAfterCollection(DaemonProcess server) throws IOException, InterruptedException {
        jcmd(server, "GC.run");
        String info = jcmd(server, "GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new AssertionError("no heap figure in jcmd's answer:\n" + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String jcmd(DaemonProcess server, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), Long.toString(server.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || jcmd.exitValue() != 0) {
            throw new AssertionError("jcmd " + command + " failed:\n" + output);
        }
        return output;
    }

    private static InetSocketAddress loopback(String port) {
        return new InetSocketAddress("127.0.0.1", Integer.parseInt(port));
    }
}
