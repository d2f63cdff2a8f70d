package org.portcullis.relay.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import org.portcullis.link.LinkStream;
import org.portcullis.link.LinkStreamListener;

/** A link stream's listener for tests: keeps every octet (returning credit at once) and how the stream ended. */
public final class StreamRecorder implements LinkStreamListener {
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    /** Completes with "closed", "reset: REASON" or "closed down: REASON" when the stream ends. */
    public final CompletableFuture<String> ended = new CompletableFuture<>();

    /** Listens to {@code stream} and returns this recorder. */
    public static StreamRecorder on(LinkStream stream) {
        StreamRecorder recorder = new StreamRecorder();
        stream.setListener(recorder);
        return recorder;
    }

    @Override
    public void onData(LinkStream stream, ByteBuf data) {
        int octets = data.readableBytes();
        try {
            synchronized (received) {
                received.writeBytes(ByteBufUtil.getBytes(data));
            }
        } finally {
            data.release();
        }
        stream.consumed(octets);
    }

    @Override
    public void onClosed(LinkStream stream, boolean reset, String reason) {
        ended.complete(reset ? "reset: " + reason : "closed");
    }

    @Override
    public void onClosedDown(LinkStream stream, String reason) {
        ended.complete("closed down: " + reason);
    }

    /** Every octet received so far. */
    public byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    public int receivedCount() {
        synchronized (received) {
            return received.size();
        }
    }
}
