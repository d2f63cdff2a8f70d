package org.portcullis.link.mux;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.Link;
import org.portcullis.link.LinkException;
import org.portcullis.link.LinkStream;
import org.portcullis.link.LinkStreamListener;
import org.portcullis.link.StreamOpen;

/**
 * One stream of the link: its send window and queue, its receive window and credit, its FIN/RST state. Public
 * methods hop to the link's event loop; every other method runs on it.
 */
public final class MuxStream implements LinkStream {
    private static final Logger LOG = LogManager.getLogger();

    private enum State { OPENING, OPEN, ENDED }

    private final Multiplexer mux;
    private final int id;
    private final StreamOpen open;
    private final int window;
    private final StreamSender sender;
    private final CompletableFuture<LinkStream> opening;
    private State state;
    private int recvWindow;
    private int credit;
    private boolean finReceived;
    private LinkStreamListener listener;
    private ArrayDeque<ByteBuf> held;
    private boolean closedNotified;
    private boolean endedReset;
    private boolean endedClosedDown;
    private String endedReason;

    private MuxStream(Multiplexer mux, int id, StreamOpen open, int sendWindow, CompletableFuture<LinkStream> opening) {
        this.mux = mux;
        this.id = id;
        this.open = open;
        this.window = mux.settings().streamWindow();
        this.recvWindow = window;
        this.sender = new StreamSender(this, sendWindow, window);
        this.opening = opening;
        this.state = opening == null ? State.OPEN : State.OPENING;
    }

    /** A stream this side opens; it waits for the peer's ACK. */
    static MuxStream opening(Multiplexer mux, int id, StreamOpen open, CompletableFuture<LinkStream> future) {
        return new MuxStream(mux, id, open, 0, future);
    }

    /** A stream the peer opened and this side accepted with {@code sendWindow} octets of credit. */
    static MuxStream accepted(Multiplexer mux, int id, StreamOpen open, int sendWindow) {
        return new MuxStream(mux, id, open, sendWindow, null);
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public StreamOpen open() {
        return open;
    }

    @Override
    public Link link() {
        return mux;
    }

    Multiplexer mux() {
        return mux;
    }

    StreamSender sender() {
        return sender;
    }

    /** Octets written by the owner and not yet handed to the link connection. */
    public int queuedOctets() {
        return sender.queuedOctets();
    }

    /** Octets received and not yet returned to the peer as credit (≤ the window). */
    public int unconsumedOctets() {
        return window - recvWindow - credit;
    }

    @Override
    public void setListener(LinkStreamListener newListener) {
        mux.execute(() -> attach(newListener), () -> { });
    }

    @Override
    public void write(ByteBuf data) {
        sender.write(data);
    }

    @Override
    public boolean isWritable() {
        return sender.isWritable();
    }

    @Override
    public void consumed(int octets) {
        if (octets > 0) {
            mux.execute(() -> returnCredit(octets), () -> { });
        }
    }

    @Override
    public void close() {
        sender.close();
    }

    @Override
    public void reset(String reason) {
        mux.execute(() -> resetNow(reason), () -> { });
    }

    @Override
    public void closeDown(String reason) {
        mux.execute(() -> {
            if (state != State.ENDED) {
                mux.sendReset(id, reason, true);
                end(true, reason);
            }
        }, () -> { });
    }

    boolean ended() {
        return state == State.ENDED;
    }

    private void attach(LinkStreamListener newListener) {
        listener = newListener;
        while (held != null && !held.isEmpty()) {
            deliver(held.poll());
        }
        if (state == State.ENDED) {
            notifyClosed();
            return;
        }
        sender.writabilityChanged();
        maybeEnd();
    }

    private void returnCredit(int octets) {
        if (state != State.OPEN || finReceived) {
            return;
        }
        credit = Math.min(credit + octets, window - recvWindow);
        // Credit goes back in batches of half a window, as yamux does: fewer frames, the sender never starves.
        if (credit >= window / 2) {
            recvWindow += credit;
            mux.sendWindowUpdate(id, credit);
            credit = 0;
        }
    }

    void resetNow(String reason) {
        if (state == State.ENDED) {
            return;
        }
        mux.sendReset(id, reason);
        end(true, reason);
    }

    /** The peer's ACK: the stream is open with {@code sendWindow} octets of credit. */
    void onAck(int sendWindow) {
        if (state != State.OPENING) {
            throw new LinkException("link protocol: ACK on stream " + id + " that is not opening");
        }
        state = State.OPEN;
        sender.addCredit(sendWindow);
        if (!opening.complete(this)) {
            resetNow("the opener gave up");
        }
    }

    void onWindowUpdate(int delta) {
        if (state == State.OPEN) {
            sender.addCredit(delta);
        }
    }

    /** The peer's RST; {@code closeDown} when it closes the session down on purpose. */
    void onReset(String reason, boolean closeDown) {
        if (state == State.OPENING) {
            LOG.info("[{}] link stream {} refused by the peer: {}", open.sessionId(), id, reason);
        }
        if (state == State.OPEN) {
            endedClosedDown = closeDown;
        }
        end(true, reason);
    }

    /** Stream octets from the peer (ownership passes), with FIN when it sends no more. */
    void onData(ByteBuf payload, boolean fin) {
        int length = payload.readableBytes();
        if (state != State.OPEN || finReceived) {
            payload.release();
            if (state != State.ENDED) {
                LOG.warn("[{}] link stream {}: data after FIN or before ACK; resetting", open.sessionId(), id);
                resetNow("protocol violation: data after FIN");
            }
            return;
        }
        if (length > recvWindow) {
            payload.release();
            LOG.warn("[{}] link stream {}: the peer sent {} octets with {} left in its window; resetting",
                    open.sessionId(), id, length, recvWindow);
            resetNow("protocol violation: window exceeded");
            return;
        }
        recvWindow -= length;
        if (length > 0) {
            deliver(payload);
        } else {
            payload.release();
        }
        if (fin && state == State.OPEN) {
            finReceived = true;
            // No half-close: the peer's FIN ends the stream once our queued octets went out with our own FIN.
            sender.finish();
            maybeEnd();
        }
    }

    private void deliver(ByteBuf payload) {
        if (listener == null) {
            if (held == null) {
                held = new ArrayDeque<>(4);
            }
            held.add(payload);
            return;
        }
        try {
            listener.onData(this, payload);
        } catch (RuntimeException e) {
            LOG.error("[{}] link stream {}: the stream listener failed; resetting", open.sessionId(), id, e);
            resetNow("internal error");
        }
    }

    /** Called when FIN went out or came in: both done and every held octet delivered → the stream ends. */
    void maybeEnd() {
        if (state == State.OPEN && finReceived && sender.finSent() && listener != null) {
            end(false, "closed");
        }
    }

    /** The stream ends: queued and held octets are released, the owner hears it once. */
    void end(boolean reset, String reason) {
        if (state == State.ENDED) {
            return;
        }
        State previous = state;
        state = State.ENDED;
        endedReset = reset;
        endedReason = reason;
        sender.release();
        while (held != null && !held.isEmpty()) {
            held.poll().release();
        }
        mux.streamEnded(this);
        if (previous == State.OPENING) {
            opening.completeExceptionally(new LinkException("link stream " + id + " not opened: " + reason));
            return;
        }
        LOG.debug("[{}] link stream {} ended: {}", open.sessionId(), id, reason);
        if (listener != null) {
            notifyClosed();
        }
    }

    private void notifyClosed() {
        if (closedNotified) {
            return;
        }
        closedNotified = true;
        try {
            if (endedClosedDown) {
                listener.onClosedDown(this, endedReason);
            } else {
                listener.onClosed(this, endedReset, endedReason);
            }
        } catch (RuntimeException e) {
            LOG.error("[{}] link stream {}: the stream listener failed on close", open.sessionId(), id, e);
        }
    }

    /** Tells the listener about a writability change (event loop only). */
    void notifyWritability(boolean writable) {
        if (listener == null || state == State.ENDED) {
            return;
        }
        try {
            listener.onWritabilityChanged(this, writable);
        } catch (RuntimeException e) {
            LOG.error("[{}] link stream {}: the stream listener failed; resetting", open.sessionId(), id, e);
            resetNow("internal error");
        }
    }

    boolean hasListener() {
        return listener != null;
    }

    @Override
    public String toString() {
        return "[" + open.sessionId() + "] link stream " + id;
    }
}
