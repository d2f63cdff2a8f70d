package org.portcullis.link.mux;

import io.netty.channel.Channel;
import java.util.ArrayDeque;

/**
 * Shares the link connection between the streams: round robin, one frame per stream per turn, only while the
 * connection is writable (a congested link stops here and resumes on its writability change).
 */
final class StreamScheduler {
    // Octets one pass writes before it flushes and yields, so reads and other tasks get their turn.
    private static final int PASS_BUDGET = 256 * 1024;

    private final Channel channel;
    private final ArrayDeque<StreamSender> ready = new ArrayDeque<>();
    private boolean pumpScheduled;

    StreamScheduler(Channel channel) {
        this.channel = channel;
    }

    /** The sender has a frame to send (it is not on the queue yet). */
    void ready(StreamSender sender) {
        ready.add(sender);
        requestPump();
    }

    /** Runs a pass soon, once, however many writes asked for it in this turn of the event loop. */
    void requestPump() {
        if (!pumpScheduled && !ready.isEmpty()) {
            pumpScheduled = true;
            channel.eventLoop().execute(this::pump);
        }
    }

    /** Writes frames round robin until the budget is spent, the queue is empty or the connection is congested. */
    void pump() {
        pumpScheduled = false;
        int written = 0;
        while (written < PASS_BUDGET && channel.isWritable() && !ready.isEmpty()) {
            StreamSender sender = ready.poll();
            written += sender.sendNext();
            if (sender.canSend()) {
                ready.add(sender);
            } else {
                sender.unscheduled();
            }
        }
        if (written > 0) {
            channel.flush();
        }
        if (written >= PASS_BUDGET) {
            requestPump();
        }
    }

    /** Forgets every sender (the link is gone). */
    void clear() {
        ready.forEach(StreamSender::unscheduled);
        ready.clear();
    }
}
