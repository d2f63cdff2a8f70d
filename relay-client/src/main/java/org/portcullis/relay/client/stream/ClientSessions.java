package org.portcullis.relay.client.stream;

import io.netty.channel.Channel;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.portcullis.daemon.control.SessionSummary;
import org.portcullis.daemon.control.SessionTag;
import org.portcullis.daemon.metrics.PrometheusText;
import org.portcullis.daemon.metrics.PrometheusText.Type;

/**
 * The sessions relay-client carries, each from its socket to the inside daemon to that socket's close: what the
 * control port lists and ends, what a drain waits for, and their counters (by outcome, octets each way, refusals
 * by a few reasons). Once draining, no new session is taken. Thread-safe.
 */
public final class ClientSessions {
    /** Refusal reasons, the few values of the metric label. */
    public static final String NO_LINK = "no_link";
    public static final String SHUTTING_DOWN = "shutting_down";
    public static final String INSIDE_UNREACHABLE = "inside_unreachable";
    public static final String INSIDE_FAILED = "inside_failed";
    public static final String STREAM_REFUSED = "stream_refused";

    private final Set<ClientSession> running = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private final Map<ClientSession.Outcome, LongAdder> ended = new EnumMap<>(ClientSession.Outcome.class);
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final LongAdder fromPartner = new LongAdder();
    private final LongAdder toPartner = new LongAdder();
    private volatile boolean draining;

    public ClientSessions() {
        for (ClientSession.Outcome outcome : ClientSession.Outcome.values()) {
            ended.put(outcome, new LongAdder());
        }
    }

    /** A new session, listed once its socket is attached. */
    public ClientSession open(SessionTag tag, ClientSession.Direction direction, String peer) {
        return new ClientSession(tag, direction, peer, this);
    }

    void add(ClientSession session, Channel socket) {
        running.add(session);
        socket.closeFuture().addListener(closed -> remove(session));
    }

    private void remove(ClientSession session) {
        if (!running.remove(session)) {
            return;
        }
        ClientSession.Outcome outcome = session.finalOutcome();
        ended.get(outcome).increment();
        if (outcome == ClientSession.Outcome.REFUSED) {
            String reason = session.refusal() == null ? INSIDE_FAILED : session.refusal();
            refusals.computeIfAbsent(reason, any -> new LongAdder()).increment();
        }
        if (draining && running.isEmpty()) {
            drained.complete(null);
        }
    }

    void countFromPartner(int octets) {
        fromPartner.add(octets);
    }

    void countToPartner(int octets) {
        toPartner.add(octets);
    }

    /** True once relay-client stopped taking new sessions. */
    public boolean draining() {
        return draining;
    }

    /** Stops taking new sessions; completes once every session's socket has closed. */
    public CompletableFuture<Void> drain() {
        draining = true;
        if (running.isEmpty()) {
            drained.complete(null);
        }
        return drained;
    }

    /** Ends every running session (ESID 05 to the partner). */
    public void endAll(String reason) {
        running.forEach(session -> session.end(reason));
    }

    /**
     * Ends one session (ESID 05 to the partner).
     *
     * @return false when no running session has that id
     */
    public boolean end(String sessionId, String reason) {
        for (ClientSession session : running) {
            if (session.id().equals(sessionId)) {
                session.end(reason);
                return true;
            }
        }
        return false;
    }

    /** The sessions running, oldest first. */
    public List<SessionSummary> summaries() {
        return running.stream().map(ClientSession::summary)
                .sorted(Comparator.comparing(SessionSummary::started, Comparator.nullsLast(Instant::compareTo)))
                .toList();
    }

    /** Writes the session families. */
    public void write(PrometheusText out) {
        PrometheusText.Family active = out.family("portcullis_sessions_active", Type.GAUGE,
                "Sessions carried now, by direction.");
        for (ClientSession.Direction direction : ClientSession.Direction.values()) {
            active.sample(running.stream().filter(session -> session.direction() == direction).count(), "direction",
                    direction.name().toLowerCase(Locale.ROOT));
        }
        PrometheusText.Family outcomes = out.family("portcullis_sessions_total", Type.COUNTER,
                "Sessions ended, by verdict: closed, reset, refused (never relayed), ended (by relay-client).");
        ended.forEach((outcome, count) -> outcomes.sample(count.sum(), "verdict",
                outcome.name().toLowerCase(Locale.ROOT)));
        out.family("portcullis_session_bytes_total", Type.COUNTER, "Octets relayed, by direction.")
                .sample(fromPartner.sum(), "direction", "from_partner")
                .sample(toPartner.sum(), "direction", "to_partner");
        PrometheusText.Family refused = out.family("portcullis_refusals_total", Type.COUNTER,
                "Sessions never relayed, by reason.");
        refusals.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> refused.sample(entry.getValue().sum(), "reason", entry.getKey()));
    }
}
