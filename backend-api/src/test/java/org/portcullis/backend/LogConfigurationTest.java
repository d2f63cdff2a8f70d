package org.portcullis.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * backend-api's log4j2.xml (not the tests' log4j2-test.xml) as the service runs it: a file a day with the date in
 * its name in the log folder, the console without one. Each test reads it into a logger context of its own.
 */
class LogConfigurationTest {
    private static final Path CONFIGURATION = Path.of("src/main/resources/log4j2.xml");
    private static final String LOG_DIR = "portcullis.logDir";

    @TempDir
    Path logDir;

    private LoggerContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        System.clearProperty(LOG_DIR);
    }

    private LoggerContext start() {
        context = new LoggerContext("log-configuration-test", null, CONFIGURATION.toUri());
        context.start();
        return context;
    }

    @Test
    void writesAFileADayWithTheDateInItsName() throws IOException {
        System.setProperty(LOG_DIR, logDir.toString());
        LocalDate before = LocalDate.now();
        LoggerContext logs = start();
        logs.getLogger("org.portcullis.backend.Test").info("a log line");
        logs.stop();

        List<String> names = files();
        assertEquals(1, names.size(), names::toString);
        assertTrue(names.get(0).equals("backend-api-" + before + ".log")
                || names.get(0).equals("backend-api-" + LocalDate.now() + ".log"), names::toString);
        assertTrue(Files.readString(logDir.resolve(names.get(0))).contains("INFO  o.p.b.Test - a log line"));
    }

    @Test
    void logsToTheConsoleWithoutALogFolder() throws IOException {
        assertInstanceOf(ConsoleAppender.class, start().getConfiguration().getAppender("main"));
        assertEquals(List.of(), files());
    }

    private List<String> files() throws IOException {
        try (Stream<Path> listing = Files.list(logDir)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
