package org.portcullis.relay.client.stream;

import io.netty.channel.Channel;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import org.portcullis.daemon.control.SessionSummary;
import org.portcullis.daemon.control.SessionTag;

/**
 * One session relay-client carries, from its socket to the inside daemon being made (or accepted) to its close:
 * its log tag, its direction, the octets each way, and how it ended, for the control port and the metrics.
 * Thread-safe: the control port reads it; {@link #end} moves to the socket's event loop.
 */
public final class ClientSession {
    /** Which side called. */
    public enum Direction {
        /** A partner called: relay-client connects to the inside daemon. */
        INCOMING,
        /** The inside daemon called a route's port. */
        OUTGOING
    }

    /** How a session ended, as counted. */
    enum Outcome {
        /** Relayed, and the stream closed both ways. */
        CLOSED,
        /** Relayed, then reset: by relay-server, or a failed socket. */
        RESET,
        /** Never relayed: no link, the inside daemon unreachable or without SSRM, relay-server refused. */
        REFUSED,
        /** Ended by relay-client: kill-session or the drain deadline. */
        ENDED
    }

    private final SessionTag tag;
    private final Direction direction;
    private final String peer;
    private final ClientSessions registry;
    private final Instant started = Instant.now();
    private volatile Channel channel;
    private volatile StreamRelayHandler relay;
    private volatile Outcome outcome;
    private volatile String refusal;
    private volatile long bytesFromPartner;
    private volatile long bytesToPartner;

    ClientSession(SessionTag tag, Direction direction, String peer, ClientSessions registry) {
        this.tag = tag;
        this.direction = direction;
        this.peer = peer;
        this.registry = registry;
    }

    /** A session no registry lists: for a socket relayed outside relay-client's own wiring (tests, bridges). */
    public static ClientSession unlisted(SessionTag tag) {
        return new ClientSession(tag, Direction.INCOMING, null, null);
    }

    public SessionTag tag() {
        return tag;
    }

    public String id() {
        return tag.sessionId();
    }

    public Direction direction() {
        return direction;
    }

    /** The socket to the inside daemon; the session is listed until it closes. */
    public void attach(Channel socket) {
        this.channel = socket;
        if (registry != null) {
            registry.add(this, socket);
        }
    }

    /** Relaying started: from now on {@link #end} closes the stream down (ESID 05 to the partner). */
    void relaying(StreamRelayHandler handler) {
        this.relay = handler;
    }

    /** The session ended before relaying; {@code reason} is one of a few words, a metric label. */
    public void refused(String reason) {
        if (outcome == null) {
            outcome = Outcome.REFUSED;
            refusal = reason;
        }
    }

    /** A failure of the socket: a reset once relaying, else a refusal for {@code reason}. */
    void failed(String reason) {
        if (relay != null) {
            outcome(Outcome.RESET);
        } else {
            refused(reason);
        }
    }

    void outcome(Outcome how) {
        if (outcome == null) {
            outcome = how;
        }
    }

    /** How it ended: refused before relaying unless relaying began; closed once relayed. */
    Outcome finalOutcome() {
        Outcome how = outcome;
        return how != null ? how : relay != null ? Outcome.CLOSED : Outcome.REFUSED;
    }

    String refusal() {
        return refusal;
    }

    void countFromPartner(int octets) {
        bytesFromPartner += octets;
        if (registry != null) {
            registry.countFromPartner(octets);
        }
    }

    void countToPartner(int octets) {
        bytesToPartner += octets;
        if (registry != null) {
            registry.countToPartner(octets);
        }
    }

    /** The session as the control port lists it. */
    public SessionSummary summary() {
        return new SessionSummary(tag.sessionId(), tag.odetteId(), direction.name().toLowerCase(Locale.ROOT), peer,
                bytesFromPartner, bytesToPartner, started);
    }

    /**
     * Ends the session from another thread: the stream is closed down (relay-server ends the partner's session
     * with ESID 05) and the inside connection closed.
     */
    void end(String reason) {
        Channel socket = channel;
        if (socket == null) {
            return;
        }
        try {
            socket.eventLoop().execute(() -> {
                StreamRelayHandler relaying = relay;
                outcome(Outcome.ENDED);
                if (relaying != null) {
                    relaying.end(reason);
                } else {
                    socket.close();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            socket.close();
        }
    }
}
