package org.portcullis.daemon.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LogLevels on a log4j context of its own, whose configuration has no LevelOverrideFilter. */
class LogLevelsTest {
    private static final SessionTag FIRST = new SessionTag("s1", "O0013000000FIRST");
    private static final SessionTag SECOND = new SessionTag("s2", "O0013000000SECOND");

    private final LoggerContext context = new LoggerContext("log-levels-test");
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final LogLevels levels;
    private final Logger logger;

    LogLevelsTest() {
        context.start(new DefaultConfiguration());
        levels = new LogLevels(context, Clock.systemUTC(), scheduler).attach();
        logger = context.getLogger("org.portcullis.relay.Session");
    }

    @AfterEach
    void close() {
        levels.close();
        context.stop();
        scheduler.shutdownNow();
    }

    private boolean debugShown(SessionTag tag) {
        return logger.isEnabled(Level.DEBUG, null, "{} SSID", tag);
    }

    @Test
    void addsTheFilterWhereTheConfigurationHasNone() {
        assertTrue(context.getConfiguration().getFilter() instanceof LevelOverrideFilter);
        assertFalse(debugShown(FIRST), "the default configuration logs ERROR only");
        levels.apply(LogLevelRequest.parse(List.of("DEBUG", "--partner", FIRST.odetteId())));
        assertTrue(debugShown(FIRST));
        assertFalse(debugShown(SECOND));
        assertFalse(logger.isEnabled(Level.DEBUG, null, "no tag {}", "x"));
        assertFalse(logger.isEnabled(Level.TRACE, null, "{} octets", FIRST));
    }

    @Test
    void aNewConfigurationKeepsPartnerLevelsAndDropsLoggerLevels() {
        levels.apply(LogLevelRequest.parse(List.of("DEBUG", "--partner", FIRST.odetteId())));
        levels.apply(LogLevelRequest.parse(List.of("TRACE", "--logger", "org.portcullis.relay")));
        assertTrue(logger.isTraceEnabled());

        context.setConfiguration(new DefaultConfiguration());

        assertFalse(logger.isTraceEnabled(), "the new configuration's levels rule");
        assertTrue(debugShown(FIRST), "the partner's level holds");
        assertEquals(List.of("partner O0013000000FIRST DEBUG"), levels.describe());
    }

    @Test
    void restoresALoggersLevelAndRemovesTheFilterAddedWhenClosed() {
        levels.apply(LogLevelRequest.parse(List.of("DEBUG", "--logger", "org.portcullis.relay")));
        assertTrue(logger.isDebugEnabled());
        assertEquals("logger org.portcullis.relay back to its parent's level",
                levels.apply(LogLevelRequest.parse(List.of("reset", "--logger", "org.portcullis.relay"))));
        assertFalse(logger.isDebugEnabled());
        assertNull(context.getConfiguration().getLoggers().get("org.portcullis.relay"));

        levels.apply(LogLevelRequest.parse(List.of("DEBUG", "--logger", "org.portcullis.relay")));
        levels.close();
        assertFalse(logger.isDebugEnabled());
        assertNull(context.getConfiguration().getFilter());
    }
}
