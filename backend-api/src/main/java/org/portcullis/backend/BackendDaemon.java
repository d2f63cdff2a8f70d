package org.portcullis.backend;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.document.DocumentPublisher;
import org.portcullis.backend.document.PublishedDocument;
import org.portcullis.config.Addresses;
import org.portcullis.daemon.DaemonService;
import org.portcullis.daemon.control.SessionSummary;
import org.portcullis.daemon.metrics.PrometheusText;
import org.portcullis.daemon.metrics.PrometheusText.Type;

/**
 * backend-api's service as the daemon runner runs it and the control port sees it. It has no OFTP2 sessions: a
 * drain ends at once, and the long polls still held are ended by the close (relay-client polls again).
 */
public final class BackendDaemon implements DaemonService {
    /** Exit code when the service cannot start (state, certificate, address in use). */
    public static final int START_FAILED = 1;

    private static final Logger LOG = LogManager.getLogger();

    private final ServiceSettings settings;
    private final PrintWriter err;
    private volatile BackendService service;

    /** @param err where a start failure is said in one line */
    public BackendDaemon(ServiceSettings settings, PrintWriter err) {
        this.settings = settings;
        this.err = err;
    }

    @Override
    public int start() {
        try {
            service = BackendService.start(settings);
            return 0;
        } catch (BackendException e) {
            LOG.error("backend-api cannot start: {}", e.getMessage());
            err.println(e.getMessage());
            err.flush();
            return START_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return START_FAILED;
        }
    }

    @Override
    public CompletableFuture<Void> drain(Duration deadline) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        BackendService running = service;
        if (running != null) {
            running.close();
        }
    }

    /** Where the API listens, the document it serves and how many long polls wait for a change. */
    @Override
    public Map<String, String> status() {
        Map<String, String> status = new LinkedHashMap<>();
        BackendService running = service;
        if (running == null) {
            status.put("api", "not started");
            return status;
        }
        PublishedDocument document = running.publisher().current();
        status.put("api", "https://" + Addresses.display(running.address()));
        status.put("config.revision", document == null ? "none (the stored configuration is not valid yet)"
                : Long.toString(document.revision()));
        status.put("config.etag", document == null ? "-" : document.etag());
        status.put("longPolls.waiting", Integer.toString(running.publisher().waiting()));
        return status;
    }

    @Override
    public List<SessionSummary> sessions() {
        return List.of();
    }

    @Override
    public boolean killSession(String sessionId) {
        return false;
    }

    @Override
    public void metrics(PrometheusText out) {
        BackendService running = service;
        if (running == null) {
            return;
        }
        DocumentPublisher publisher = running.publisher();
        out.single("portcullis_config_served", Type.GAUGE, "1 while a valid configuration document is served.",
                publisher.current() == null ? 0 : 1);
        if (publisher.current() != null) {
            out.single("portcullis_config_revision", Type.GAUGE, "The revision of the document served.",
                    publisher.current().revision());
        }
        out.single("portcullis_long_polls_waiting", Type.GAUGE, "Configuration polls held until the document "
                + "changes.", publisher.waiting());
    }
}
