package org.portcullis.daemon.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.portcullis.daemon.control.LogLevelRequest.Target;

class LogLevelRequestTest {

    @Test
    void aLevelAloneIsTheWholeDaemons() {
        LogLevelRequest request = LogLevelRequest.parse(List.of("debug"));
        assertEquals(new LogLevelRequest(Level.DEBUG, Target.DAEMON, "org.portcullis", null), request);
        assertEquals("logger org.portcullis", request.subject());
    }

    @Test
    void takesOneTargetAndARevertTime() {
        assertEquals(new LogLevelRequest(Level.TRACE, Target.PARTNER, "O0013000000PARTNER", Duration.ofMinutes(10)),
                LogLevelRequest.parse(List.of("TRACE", "--partner", "O0013000000PARTNER", "--revert-after", "10m")));
        assertEquals(new LogLevelRequest(Level.WARN, Target.LOGGER, "io.netty", Duration.ofSeconds(90)),
                LogLevelRequest.parse(List.of("WARN", "--revert-after", "PT90S", "--logger", "io.netty")));
        assertEquals(new LogLevelRequest(Level.DEBUG, Target.SESSION, "3f2a9c", Duration.ofMillis(500)),
                LogLevelRequest.parse(List.of("DEBUG", "--session", "3f2a9c", "--revert-after", "500ms")));
        LogLevelRequest reset = LogLevelRequest.parse(List.of("reset", "--partner", "P"));
        assertNull(reset.level());
        assertEquals("partner P", reset.subject());
    }

    @Test
    void refusesWhatItCannotCarryOutWithTheUsage() {
        for (List<String> words : List.of(List.<String>of(), List.of("LOUD"), List.of("DEBUG", "--partner"),
                List.of("DEBUG", "--partner", "A", "--session", "B"), List.of("DEBUG", "--revert-after", "soon"),
                List.of("DEBUG", "--revert-after", "0s"), List.of("DEBUG", "--everyone", "x"),
                List.of("reset", "--revert-after", "1m"))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> LogLevelRequest.parse(words), words::toString);
            assertTrue(refused.getMessage().contains("usage: loglevel LEVEL|reset"), refused.getMessage());
        }
    }
}
