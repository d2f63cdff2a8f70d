package org.portcullis.relay.server.session;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.portcullis.daemon.control.SessionSummary;
import org.portcullis.oftp2.EsidReason;

/**
 * The partner sessions of one relay-server from their connection to its close: what the control port lists and
 * ends, and what a drain waits for. Once draining, no new session is admitted. Thread-safe.
 */
public final class LiveSessions {
    private final Set<RelaySession> running = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean draining;

    /** A session's connection is up; it is forgotten when its channel closes. */
    void add(RelaySession session) {
        running.add(session);
        session.channel().closeFuture().addListener(closed -> remove(session));
    }

    private void remove(RelaySession session) {
        running.remove(session);
        if (draining && running.isEmpty()) {
            drained.complete(null);
        }
    }

    /** True once relay-server stopped admitting new sessions. */
    public boolean draining() {
        return draining;
    }

    /** Stops admitting new sessions; completes once every connection of a session has closed. */
    public CompletableFuture<Void> drain() {
        draining = true;
        if (running.isEmpty()) {
            drained.complete(null);
        }
        return drained;
    }

    /** Ends every running session with {@code esid} to the partner and to the inside. */
    public void endAll(EsidReason esid, String reason) {
        running.forEach(session -> session.end(esid, reason));
    }

    /**
     * Ends one session with {@code esid} to the partner and to the inside.
     *
     * @return false when no running session has that id
     */
    public boolean end(String sessionId, EsidReason esid, String reason) {
        for (RelaySession session : running) {
            if (session.id().equals(sessionId) && !session.ended()) {
                session.end(esid, reason);
                return true;
            }
        }
        return false;
    }

    /** The sessions not ended yet, oldest first. */
    public List<SessionSummary> summaries() {
        return running.stream().filter(session -> !session.ended()).map(RelaySession::summary)
                .sorted(Comparator.comparing(SessionSummary::started, Comparator.nullsLast(Instant::compareTo)))
                .toList();
    }

    /** The sessions not ended yet in one direction. */
    public long active(RelaySession.Direction direction) {
        return running.stream().filter(session -> !session.ended() && session.direction() == direction).count();
    }
}
