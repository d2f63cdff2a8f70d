package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.daemon.control.LevelOverrideFilter;
import org.portcullis.testkit.Await;

/**
 * relay-server's log4j2.xml as the daemon runs it: daily files with the date in their names in the log folder,
 * the audit lines in a file of their own, old files deleted at the rollover, the console without a log folder,
 * syslog when asked for. Each test reads the file into a logger context of its own with the system properties
 * the daemon would set, and clears them after.
 */
class LogConfigurationTest {
    private static final Path CONFIGURATION = Path.of("src/main/resources/log4j2.xml");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String AUDIT_LINE = "{\"event\":{\"reason\":\"a test\"}}";

    @TempDir
    Path logDir;

    private final Map<String, String> properties = new HashMap<>();
    private LoggerContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        properties.keySet().forEach(System::clearProperty);
    }

    private LoggerContext start(String... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
            System.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        context = new LoggerContext("log-configuration-test", null, CONFIGURATION.toUri());
        context.start();
        return context;
    }

    @Test
    void writesDailyFilesWithTheDateInTheirNamesAndTheAuditApart() throws IOException {
        LocalDate before = LocalDate.now();
        LoggerContext logs = start("portcullis.logDir", logDir.toString());
        logs.getLogger("org.portcullis.relay.server.Test").info("a log line");
        logs.getLogger("audit").info("{}", AUDIT_LINE);
        logs.stop();

        String day = today(before);
        assertEquals(List.of("audit-" + day + ".json", "relay-server-" + day + ".log"), files());
        String log = Files.readString(logDir.resolve("relay-server-" + day + ".log"));
        assertTrue(log.contains("INFO  o.p.r.s.Test - a log line"), log);
        assertFalse(log.contains(AUDIT_LINE), "audit lines only in the audit file: " + log);
        assertEquals(AUDIT_LINE + "\n", Files.readString(logDir.resolve("audit-" + day + ".json")));
    }

    @Test
    void deletesFilesOlderThanTheRetentionAtTheRollover() throws IOException {
        Path old = touch("relay-server-2000-01-01.log", Duration.ofDays(31));
        Path recent = touch("relay-server-2000-02-01.log", Duration.ofDays(29));
        Path oldAudit = touch("audit-2000-01-01.json", Duration.ofDays(31));
        Path otherProgram = touch("other-2000-01-01.log", Duration.ofDays(400));
        LoggerContext logs = start("portcullis.logDir", logDir.toString());
        logs.getLogger("audit").info("{}", AUDIT_LINE);

        logs.getConfiguration().<RollingFileAppender>getAppender("main").getManager().rollover();
        logs.getConfiguration().<RollingFileAppender>getAppender("audit").getManager().rollover();

        Await.until(() -> !Files.exists(old) && !Files.exists(oldAudit), TIMEOUT, "old files deleted");
        assertTrue(Files.exists(recent), "a file within the 30 days is kept");
        assertTrue(Files.exists(otherProgram), "other files are left alone");
    }

    @Test
    void keepsTheAuditFileLongerWhenAskedTo() throws IOException {
        Path oldLog = touch("relay-server-2000-01-01.log", Duration.ofDays(31));
        Path oldAudit = touch("audit-2000-01-01.json", Duration.ofDays(31));
        LoggerContext logs = start("portcullis.logDir", logDir.toString(), "portcullis.auditRetention", "P365D");
        logs.getLogger("audit").info("{}", AUDIT_LINE);

        logs.getConfiguration().<RollingFileAppender>getAppender("main").getManager().rollover();
        logs.getConfiguration().<RollingFileAppender>getAppender("audit").getManager().rollover();

        Await.until(() -> !Files.exists(oldLog), TIMEOUT, "the old log deleted");
        assertTrue(Files.exists(oldAudit), "the audit file is kept a year");
    }

    @Test
    void logsToTheConsoleWithoutALogFolder() throws IOException {
        LoggerContext logs = start();

        assertInstanceOf(ConsoleAppender.class, logs.getConfiguration().getAppender("main"));
        assertInstanceOf(LevelOverrideFilter.class, logs.getConfiguration().getFilter(),
                "the filter of per-partner and per-session levels");
        assertInstanceOf(ConsoleAppender.class, logs.getConfiguration().getAppender("audit"));
        assertNull(logs.getConfiguration().getAppender("syslog"), "no syslog unless asked for");
        assertEquals(List.of(), files());
    }

    @Test
    void sendsLogAndAuditLinesToSyslogWhenAskedTo() throws IOException {
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            receiver.setSoTimeout((int) TIMEOUT.toMillis());
            LoggerContext logs = start("portcullis.syslog", "127.0.0.1", "portcullis.syslog.port",
                    String.valueOf(receiver.getLocalPort()));

            logs.getLogger("org.portcullis.relay.server.Test").warn("a log line");
            String log = receive(receiver);
            logs.getLogger("audit").info("{}", AUDIT_LINE);
            String audit = receive(receiver);

            // <28>: facility daemon (3) * 8 + warning (4); <30>: + informational (6). RFC 5424 version 1.
            assertTrue(log.startsWith("<28>1 "), log);
            assertTrue(log.contains(" relay-server ") && log.contains(" log ") && log.contains("a log line"), log);
            assertTrue(audit.startsWith("<30>1 "), audit);
            assertTrue(audit.contains(" relay-server ") && audit.contains(" audit ") && audit.contains(AUDIT_LINE),
                    audit);
        }
    }

    private static String receive(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    private Path touch(String name, Duration age) throws IOException {
        Path file = Files.writeString(logDir.resolve(name), "old\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> listing = Files.list(logDir)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** Today, or the day the test started if midnight passed in between and that file exists. */
    private String today(LocalDate before) {
        String started = before.toString();
        return Files.exists(logDir.resolve("relay-server-" + started + ".log")) ? started : LocalDate.now().toString();
    }
}
