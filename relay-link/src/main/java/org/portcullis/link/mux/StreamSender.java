package org.portcullis.link.mux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.portcullis.link.frame.LinkFrame;

/**
 * The sending half of a stream: the octets the owner wrote, queued until the peer's window and the link connection
 * take them, the writability they imply, and the FIN that follows them.
 */
final class StreamSender {
    private final MuxStream stream;
    private final int highWater;
    private final int lowWater;
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    // Counted on the writer's thread before the hop, so isWritable() turns false without waiting for the loop.
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean writable = true;
    private boolean notifiedWritable = true;
    private int sendWindow;
    private boolean finQueued;
    private boolean finSent;
    private boolean scheduled;

    StreamSender(MuxStream stream, int sendWindow, int streamWindow) {
        this.stream = stream;
        this.sendWindow = sendWindow;
        this.highWater = streamWindow / 2;
        this.lowWater = streamWindow / 4;
    }

    int queuedOctets() {
        return queued.get();
    }

    boolean isWritable() {
        return writable;
    }

    boolean finSent() {
        return finSent;
    }

    /** Any thread: queues {@code data} (ownership passes) behind what is already queued. */
    void write(ByteBuf data) {
        int length = data.readableBytes();
        if (queued.addAndGet(length) >= highWater) {
            writable = false;
        }
        stream.mux().execute(() -> enqueue(data, length), () -> {
            queued.addAndGet(-length);
            data.release();
        });
    }

    private void enqueue(ByteBuf data, int length) {
        if (stream.ended() || finQueued) {
            queued.addAndGet(-length);
            data.release();
            writabilityChanged();
            return;
        }
        if (length > 0) {
            queue.add(data);
        } else {
            data.release();
        }
        writabilityChanged();
        schedule();
    }

    /** FIN after the queued octets (idempotent). */
    void finish() {
        if (stream.ended() || finQueued) {
            return;
        }
        finQueued = true;
        schedule();
    }

    void addCredit(int delta) {
        long grown = (long) sendWindow + delta;
        if (grown > Integer.MAX_VALUE) {
            stream.resetNow("protocol violation: window overflow");
            return;
        }
        sendWindow = (int) grown;
        schedule();
    }

    /** Whether the stream has a frame it may send now. */
    boolean canSend() {
        if (stream.ended()) {
            return false;
        }
        return queue.isEmpty() ? finQueued && !finSent : sendWindow > 0;
    }

    private void schedule() {
        if (!scheduled && canSend()) {
            scheduled = true;
            stream.mux().scheduler().ready(this);
        }
    }

    /** The scheduler took this sender off its ready queue. */
    void unscheduled() {
        scheduled = false;
    }

    /** Writes one frame (≤ the window and {@link LinkFrame#MAX_DATA}); returns the octets written. */
    int sendNext() {
        if (!canSend()) {
            return 0;
        }
        ByteBuf payload = queue.isEmpty() ? Unpooled.EMPTY_BUFFER : take(Math.min(sendWindow,
                LinkFrame.MAX_DATA));
        int length = payload.readableBytes();
        sendWindow -= length;
        boolean fin = queue.isEmpty() && finQueued;
        finSent = fin;
        stream.mux().writeFrame(LinkFrame.data(stream.id(), fin ? LinkFrame.FIN : 0, payload));
        queued.addAndGet(-length);
        writabilityChanged();
        if (fin) {
            stream.maybeEnd();
        }
        return LinkFrame.HEADER_LENGTH + length;
    }

    private ByteBuf take(int max) {
        ByteBuf first = queue.peek();
        if (first.readableBytes() > max) {
            return first.readRetainedSlice(max);
        }
        queue.poll();
        if (queue.isEmpty() || first.readableBytes() == max) {
            return first;
        }
        CompositeByteBuf frame = stream.mux().alloc().compositeBuffer();
        frame.addComponent(true, first);
        while (!queue.isEmpty() && frame.readableBytes() < max) {
            ByteBuf next = queue.peek();
            int room = max - frame.readableBytes();
            if (next.readableBytes() > room) {
                frame.addComponent(true, next.readRetainedSlice(room));
            } else {
                frame.addComponent(true, queue.poll());
            }
        }
        return frame;
    }

    /** Recomputes writability and tells the listener when it changed (event loop only). */
    void writabilityChanged() {
        int octets = queued.get();
        if (octets >= highWater) {
            writable = false;
        } else if (octets <= lowWater) {
            writable = true;
        }
        boolean now = writable;
        if (now != notifiedWritable && stream.hasListener()) {
            notifiedWritable = now;
            stream.notifyWritability(now);
        }
    }

    /** Drops every queued octet (the stream ended). */
    void release() {
        while (!queue.isEmpty()) {
            ByteBuf data = queue.poll();
            queued.addAndGet(-data.readableBytes());
            data.release();
        }
    }
}
