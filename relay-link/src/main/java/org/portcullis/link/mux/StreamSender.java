package org.portcullis.link.mux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.portcullis.link.frame.LinkFrame;

/**
 * The sending half of a stream: the octets the owner wrote, queued until the peer's window and the link connection
 * take them, the writability they imply, and the FIN that follows them.
 *
 * <p>The owner may write and close from any thread, and from more than one: every call goes through one intake queue
 * in the order of the calls, and the link's event loop takes from it. (A write on the loop may not overtake one that
 * another thread issued before it and whose hop to the loop is still pending: that reordered the stream's octets.)
 */
final class StreamSender {
    /** Marks the owner's close in the intake. */
    private static final Object FIN = new Object();

    private final MuxStream stream;
    private final Queue<Object> intake = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean intakeScheduled = new AtomicBoolean();
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

    /** Any thread: queues {@code data} (ownership passes) behind what is already written. */
    void write(ByteBuf data) {
        if (queued.addAndGet(data.readableBytes()) >= highWater) {
            writable = false;
        }
        intake.add(data);
        takeIntake();
    }

    /** Any thread: FIN after everything already written (idempotent). */
    void close() {
        intake.add(FIN);
        takeIntake();
    }

    private void takeIntake() {
        Multiplexer mux = stream.mux();
        if (mux.inEventLoop()) {
            drainIntake();
        } else if (intakeScheduled.compareAndSet(false, true)) {
            // One hop per batch: writes issued while it is pending are taken by the same task.
            mux.execute(this::drainIntake, () -> {
                intakeScheduled.set(false);
                discardIntake();
            });
        }
    }

    /** Event loop: takes the owner's writes and close in the order they were issued. */
    private void drainIntake() {
        intakeScheduled.set(false);
        for (Object item = intake.poll(); item != null; item = intake.poll()) {
            if (item == FIN) {
                finishNow();
            } else {
                enqueue((ByteBuf) item);
            }
        }
    }

    /** The link's event loop is gone: nothing written will be sent. */
    private void discardIntake() {
        for (Object item = intake.poll(); item != null; item = intake.poll()) {
            if (item instanceof ByteBuf data) {
                queued.addAndGet(-data.readableBytes());
                data.release();
            }
        }
    }

    private void enqueue(ByteBuf data) {
        int length = data.readableBytes();
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

    /** Event loop: FIN after the queued octets and those the owner already wrote (idempotent). */
    void finish() {
        drainIntake();
        finishNow();
    }

    private void finishNow() {
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

    /** Drops every queued octet (the stream ended); what the owner writes later is dropped as it arrives. */
    void release() {
        discardIntake();
        while (!queue.isEmpty()) {
            ByteBuf data = queue.poll();
            queued.addAndGet(-data.readableBytes());
            data.release();
        }
    }
}
