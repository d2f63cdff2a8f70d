package org.portcullis.backend.event;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs the event script for one event: the program itself (no shell), with the event as arguments
 * ({@code SEVERITY RELAY TIME MESSAGE}) and as environment variables ({@code PORTCULLIS_EVENT_SEVERITY},
 * {@code _RELAY}, {@code _TIME}, {@code _MESSAGE}, {@code _SOURCE}), standard input closed. A script that runs
 * over its time limit is killed with everything it started. Its output is read back, bounded, and logged when it
 * fails.
 */
final class EventScript {
    private static final Logger LOG = LogManager.getLogger();
    /** The most of a failing script's output that is logged. */
    private static final int MAX_OUTPUT_LOGGED = 2048;

    private EventScript() {
    }

    /** Runs the script and waits for it (up to its timeout); returns its exit code, or -1 if it was killed. */
    static int run(EventScriptSettings settings, Event event, Path workFolder)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(settings.script().toString(), event.severity().name(),
                event.relay(), event.time().toString(), event.message()));
        Map<String, String> environment = builder.environment();
        environment.put("PORTCULLIS_EVENT_SEVERITY", event.severity().name());
        environment.put("PORTCULLIS_EVENT_RELAY", event.relay());
        environment.put("PORTCULLIS_EVENT_TIME", event.time().toString());
        environment.put("PORTCULLIS_EVENT_MESSAGE", event.message());
        environment.put("PORTCULLIS_EVENT_SOURCE", event.source());
        Path output = Files.createTempFile(workFolder, "event-script-", ".out");
        try {
            builder.redirectErrorStream(true).redirectOutput(output.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                // The script first, so it cannot go on once its children die; its children listed before that,
                // because once it is gone they are no longer its descendants.
                List<ProcessHandle> children = process.descendants().toList();
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(5, TimeUnit.SECONDS);
                LOG.warn("event script {} ran longer than {} ms and was killed", settings.script(),
                        settings.timeout().toMillis());
                return -1;
            }
            int exit = process.exitValue();
            if (exit != 0) {
                LOG.warn("event script {} exited with {}; its output: {}", settings.script(), exit, head(output));
            }
            return exit;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String head(Path output) throws IOException {
        try (InputStream in = Files.newInputStream(output)) {
            String text = new String(in.readNBytes(MAX_OUTPUT_LOGGED), StandardCharsets.UTF_8);
            return text.strip().replaceAll("\\p{Cntrl}+", " | ");
        }
    }
}
