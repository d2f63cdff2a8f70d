package org.portcullis.relay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import java.util.ArrayList;
import java.util.List;
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
 * relay-client's log4j2.xml as the daemon runs it: a file a day with the date in its name in the log folder, old
 * ones deleted at the rollover, the console without a log folder, syslog when asked for. Each test reads the file
 * into a logger context of its own with the system properties the daemon would set, and clears them after.
 */
class LogConfigurationTest {
    private static final Path CONFIGURATION = Path.of("src/main/resources/log4j2.xml");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path logDir;

    private final List<String> properties = new ArrayList<>();
    private LoggerContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        properties.forEach(System::clearProperty);
    }

    private LoggerContext start(String... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.add(keysAndValues[i]);
            System.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        context = new LoggerContext("log-configuration-test", null, CONFIGURATION.toUri());
        context.start();
        return context;
    }

    @Test
    void writesAFileADayWithTheDateInItsNameAndDeletesOldOnes() throws IOException {
        Path old = Files.writeString(logDir.resolve("relay-client-2000-01-01.log"), "old\n");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(31))));
        LocalDate before = LocalDate.now();
        LoggerContext logs = start("portcullis.logDir", logDir.toString());
        logs.getLogger("org.portcullis.relay.client.Test").info("a log line");

        logs.getConfiguration().<RollingFileAppender>getAppender("main").getManager().rollover();
        Await.until(() -> !Files.exists(old), TIMEOUT, "the old file deleted");
        logs.stop();

        List<String> names = files();
        assertEquals(1, names.size(), names::toString);
        assertTrue(names.get(0).equals("relay-client-" + before + ".log")
                || names.get(0).equals("relay-client-" + LocalDate.now() + ".log"), names::toString);
        String log = Files.readString(logDir.resolve(names.get(0)));
        assertTrue(log.contains("INFO  o.p.r.c.Test - a log line"), log);
    }

    @Test
    void logsToTheConsoleWithoutALogFolder() throws IOException {
        LoggerContext logs = start();

        assertInstanceOf(ConsoleAppender.class, logs.getConfiguration().getAppender("main"));
        assertInstanceOf(LevelOverrideFilter.class, logs.getConfiguration().getFilter(),
                "the filter of per-partner and per-session levels");
        assertEquals(List.of(), files());
    }

    @Test
    void sendsLinesToSyslogWhenAskedTo() throws IOException {
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            receiver.setSoTimeout((int) TIMEOUT.toMillis());
            LoggerContext logs = start("portcullis.syslog", "127.0.0.1", "portcullis.syslog.port",
                    String.valueOf(receiver.getLocalPort()));

            logs.getLogger("org.portcullis.relay.client.Test").error("a log line");
            DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
            receiver.receive(packet);
            String line = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);

            // <27>: facility daemon (3) * 8 + error (3). RFC 5424 version 1.
            assertTrue(line.startsWith("<27>1 ") && line.contains(" relay-client ") && line.contains("a log line"),
                    line);
        }
    }

    private List<String> files() throws IOException {
        try (Stream<Path> listing = Files.list(logDir)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
