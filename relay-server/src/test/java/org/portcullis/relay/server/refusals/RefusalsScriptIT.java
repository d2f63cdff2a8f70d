package org.portcullis.relay.server.refusals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.oftp2.EsidReason;

/** {@code ops/refusals} as an administrator runs it: the script, the launcher, the runnable jar, an audit folder. */
@Timeout(60)
class RefusalsScriptIT {
    private static final long EXIT_SECONDS = 30;

    @Test
    void summarisesTheAuditFolderGiven(@TempDir Path dir) throws Exception {
        new AuditLines(dir)
                .partner("2026-11-20T08:15:00Z", "O0013000000STRANGER", "192.0.2.7", EsidReason.USER_CODE_NOT_KNOWN,
                        "Odette ID O0013000000STRANGER is not a configured partner")
                .egress("2026-11-20T12:00:00Z", "far-partner", "oftp.far.example", 6619, "cannot connect")
                .completed("2026-11-20T13:00:00Z", "O0013000000PARTNER", "192.0.2.8");
        ProcessBuilder builder = new ProcessBuilder(Path.of("..", "ops", "refusals").toString(), "--dir",
                dir.toString(), "--since", "2026-11-20T00:00:00Z", "--until", "2026-11-21T00:00:00Z")
                .redirectErrorStream(true);
        builder.environment().put("JAVA", Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        Process process = builder.start();

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS), "ops/refusals did not end");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains(": 3 sessions in 1 file"), output);
        assertTrue(output.contains("Refused partners: 1 session, 1 partner or address\n"
                + "      1  O0013000000STRANGER from 192.0.2.7\n"), output);
        assertTrue(output.contains("Refused egress: 1 session, 1 host\n"
                + "      1  oftp.far.example:6619 (route far-partner)\n"
                + "               1  cannot connect\n"), output);
    }
}
