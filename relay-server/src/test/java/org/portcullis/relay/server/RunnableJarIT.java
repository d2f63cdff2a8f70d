package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar starts on its own, finds its main class and its log4j2 configuration. */
@Timeout(60)
class RunnableJarIT {
    private static final long EXIT_TIMEOUT_SECONDS = 30;

    @Test
    void runnableJarStartsLogsAndExitsNotImplemented(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("output.txt");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", System.getProperty("runnable.jar"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();

        assertTrue(process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS), "relay-server jar did not exit");
        String text = Files.readString(output);
        assertEquals(RelayServerMain.NOT_IMPLEMENTED, process.exitValue(), text);
        assertTrue(text.matches("(?s)\\d{4}-\\d\\d-\\d\\dT[^ ]+ INFO  o\\.p\\.r\\.s\\.RelayServerMain - relay-server .*"),
                text);
        assertTrue(text.contains("relay-server: not implemented yet"), text);
        assertFalse(text.contains("ERROR"), text);
    }
}
