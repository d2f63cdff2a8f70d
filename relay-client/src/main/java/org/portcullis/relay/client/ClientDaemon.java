package org.portcullis.relay.client;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.daemon.DaemonService;
import org.portcullis.daemon.control.SessionSummary;
import org.portcullis.daemon.metrics.PrometheusText;
import org.portcullis.daemon.metrics.PrometheusText.Type;
import org.portcullis.link.Link;
import org.portcullis.link.LinkException;
import org.portcullis.relay.client.inside.InsideTarget;

/** relay-client as the daemon runner runs it and the control port sees it. */
final class ClientDaemon implements DaemonService {
    private static final Logger LOG = LogManager.getLogger();

    private final RelayClient client;
    private final PrintWriter err;
    private final Clock clock;

    /** @param err where a start failure is said in one line */
    ClientDaemon(RelayClient client, PrintWriter err, Clock clock) {
        this.client = client;
        this.err = err;
        this.clock = clock;
    }

    @Override
    public int start() {
        try {
            client.start();
            return 0;
        } catch (LinkException e) {
            // The link credentials cannot be read: retrying would not help.
            LOG.error("relay-client cannot start: {}", e.getMessage());
            err.println("relay-client: " + e.getMessage());
            err.flush();
            return RelayClientMain.CANNOT_START;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RelayClientMain.CANNOT_START;
        }
    }

    @Override
    public CompletableFuture<Void> drain(Duration deadline) {
        return client.drain(deadline);
    }

    @Override
    public void close() {
        client.close();
    }

    /** relay-client's own lines (link, configuration, backend route and reports), then the inside daemon. */
    @Override
    public Map<String, String> status() {
        Map<String, String> status = new LinkedHashMap<>(client.status());
        status.put("inside", client.inside().map(InsideTarget::display).orElse("none yet"));
        status.putIfAbsent("backend.route", "n/a (configuration from a file: no backend calls)");
        return status;
    }

    private Optional<Duration> configAge() {
        return client.configAppliedAt().map(at -> Duration.between(at, Instant.now(clock)));
    }

    @Override
    public List<SessionSummary> sessions() {
        return client.sessions().summaries();
    }

    @Override
    public boolean killSession(String sessionId) {
        return client.sessions().end(sessionId, "ended over the control port (kill-session)");
    }

    @Override
    public void metrics(PrometheusText out) {
        client.sessions().write(out);
        out.single("portcullis_link_up", Type.GAUGE, "1 while the link to relay-server is up.",
                client.link().filter(Link::isActive).isPresent() ? 1 : 0);
        configAge().ifPresent(age -> out.single("portcullis_config_age_seconds", Type.GAUGE,
                "Seconds since the configuration in force was applied.", age.toMillis() / 1000.0));
    }
}
