package org.portcullis.relay.server;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.Addresses;
import org.portcullis.daemon.DaemonService;
import org.portcullis.daemon.control.SessionSummary;
import org.portcullis.daemon.metrics.PrometheusText;
import org.portcullis.daemon.metrics.PrometheusText.Type;
import org.portcullis.link.Link;
import org.portcullis.link.LinkException;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.relay.server.config.ActiveConfig;

/** relay-server as the daemon runner runs it and the control port sees it. */
final class ServerDaemon implements DaemonService {
    private static final Logger LOG = LogManager.getLogger();

    private final RelayServer server;
    private final Clock clock;

    ServerDaemon(RelayServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    @Override
    public int start() {
        try {
            server.start();
            return 0;
        } catch (LinkException e) {
            LOG.error("relay-server cannot start: {}", e.getMessage());
            return RelayServerMain.START_FAILED;
        }
    }

    @Override
    public CompletableFuture<Void> drain(Duration deadline) {
        return server.drain(deadline);
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public Map<String, String> status() {
        Map<String, String> status = new LinkedHashMap<>();
        status.put("license", server.license().describe());
        status.put("link", server.link().map(ServerDaemon::describe).orElse("down"));
        Optional<ActiveConfig> active = server.configuration().get();
        status.put("config", active.map(config -> "revision " + config.config().revision() + ", applied "
                + configAge().orElseThrow().toSeconds() + "s ago")
                .orElse("none yet: partners are listened for once relay-client sent one"));
        List<InetSocketAddress> listening = server.partnerAddresses();
        status.put("partner-listeners", listening.isEmpty() ? "none"
                : listening.stream().map(Addresses::display).collect(Collectors.joining(", ")));
        status.put("route", "n/a (relay-server makes no backend calls)");
        return status;
    }

    private static String describe(Link link) {
        return "up (" + link.id() + " from " + (link.remoteAddress() instanceof InetSocketAddress remote
                ? Addresses.display(remote) : String.valueOf(link.remoteAddress())) + ")";
    }

    private Optional<Duration> configAge() {
        return server.configuration().appliedAt().map(at -> Duration.between(at, Instant.now(clock)));
    }

    @Override
    public List<SessionSummary> sessions() {
        return server.sessions().summaries();
    }

    @Override
    public boolean killSession(String sessionId) {
        return server.sessions().end(sessionId, EsidReason.LOCAL_SITE_EMERGENCY_CLOSE_DOWN,
                "ended over the control port (kill-session)");
    }

    @Override
    public void metrics(PrometheusText out) {
        server.metrics().write(out, server.sessions());
        out.single("portcullis_pending_connections", Type.GAUGE,
                "Partner connections accepted and not yet admitted (TLS handshake, SSID not yet checked).",
                server.pendingConnections());
        out.single("portcullis_link_up", Type.GAUGE, "1 while relay-client's link is up.",
                server.linkUp() ? 1 : 0);
        Optional<Duration> age = configAge();
        out.single("portcullis_config_loaded", Type.GAUGE, "1 once relay-client sent a configuration.",
                age.isPresent() ? 1 : 0);
        age.ifPresent(since -> out.single("portcullis_config_age_seconds", Type.GAUGE,
                "Seconds since the configuration in force took effect.", since.toMillis() / 1000.0));
        server.license().daysLeft().ifPresent(days -> out.single("portcullis_license_days_left", Type.GAUGE,
                "Days until the license's last valid day ends.", days));
    }
}
