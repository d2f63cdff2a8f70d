package org.portcullis.daemon.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.portcullis.daemon.metrics.PrometheusText;
import org.portcullis.daemon.metrics.PrometheusText.Type;

/** A daemon for the control port's tests: fixed status fields, sessions the test adds, kills recorded. */
final class FakeDaemon implements ControlledDaemon {
    final List<SessionSummary> running = new CopyOnWriteArrayList<>();
    final List<String> killed = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> status() {
        Map<String, String> status = new LinkedHashMap<>();
        status.put("license", "ACME Logistics GmbH, valid through 2026-12-31 (400 days left)");
        status.put("link", "up");
        status.put("config", "revision r7, applied 12s ago");
        status.put("route", "direct");
        return status;
    }

    @Override
    public List<SessionSummary> sessions() {
        return new ArrayList<>(running);
    }

    @Override
    public boolean killSession(String sessionId) {
        boolean found = running.removeIf(session -> session.id().equals(sessionId));
        if (found) {
            killed.add(sessionId);
        }
        return found;
    }

    @Override
    public void metrics(PrometheusText out) {
        out.single("portcullis_link_up", Type.GAUGE, "1 while the link is up.", 1);
        out.family("portcullis_sessions_active", Type.GAUGE, "Sessions running now.")
                .sample(running.size(), "direction", "incoming").sample(0, "direction", "outgoing");
    }

    void add(String id, String partner) {
        running.add(new SessionSummary(id, partner, "incoming", "192.0.2.7:40001", 1200, 345,
                Instant.now().minusSeconds(30)));
    }
}
