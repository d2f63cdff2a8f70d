package org.portcullis.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.daemon.control.SessionSummary;
import org.portcullis.daemon.metrics.PrometheusText;
import org.portcullis.daemon.metrics.PrometheusText.Type;

/**
 * A daemon with one session that runs until a file appears (the test's "transfer completes"), or until it is
 * ended with ESID 05 at the drain deadline or by {@code kill-session}.
 */
final class OneSessionDaemon implements DaemonService {
    static final String SESSION_ID = "s1";
    private static final Logger LOG = LogManager.getLogger();

    private final Path releaseFile;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final CompletableFuture<String> session = new CompletableFuture<>();
    private final Instant started = Instant.now();

    OneSessionDaemon(Path releaseFile) {
        this.releaseFile = releaseFile;
    }

    @Override
    public int start() {
        timer.scheduleWithFixedDelay(() -> {
            if (Files.exists(releaseFile)) {
                session.complete("completed");
            }
        }, 10, 10, TimeUnit.MILLISECONDS);
        session.thenAccept(how -> LOG.info("session {} {}", SESSION_ID, how));
        LOG.info("one-session daemon started");
        return 0;
    }

    @Override
    public CompletableFuture<Void> drain(Duration deadline) {
        timer.schedule(() -> session.complete("ended with ESID 05 at the drain deadline"), deadline.toMillis(),
                TimeUnit.MILLISECONDS);
        return session.thenApply(how -> null);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        LOG.info("one-session daemon stopped");
    }

    @Override
    public Map<String, String> status() {
        Map<String, String> status = new LinkedHashMap<>();
        status.put("link", "n/a");
        return status;
    }

    @Override
    public List<SessionSummary> sessions() {
        return session.isDone() ? List.of()
                : List.of(new SessionSummary(SESSION_ID, "O0013000000PARTNER", "incoming", null, 0, 0, started));
    }

    @Override
    public boolean killSession(String sessionId) {
        return sessionId.equals(SESSION_ID) && session.complete("ended with ESID 05 over the control port");
    }

    @Override
    public void metrics(PrometheusText out) {
        out.single("portcullis_sessions_active", Type.GAUGE, "Sessions running now.", sessions().size());
    }
}
