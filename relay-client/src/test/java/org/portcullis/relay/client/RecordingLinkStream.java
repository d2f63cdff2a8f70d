package org.portcullis.relay.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.portcullis.link.Link;
import org.portcullis.link.LinkStream;
import org.portcullis.link.LinkStreamListener;
import org.portcullis.link.StreamKind;
import org.portcullis.link.StreamOpen;

/** A link stream that records what its user does with it, for handler tests on an in-memory channel. */
public final class RecordingLinkStream implements LinkStream {
    private final StreamOpen open;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final AtomicInteger consumed = new AtomicInteger();
    /** The reason of the reset, once reset. */
    public final CompletableFuture<String> reset = new CompletableFuture<>();
    /** The reason of the close-down, once closed down. */
    public final CompletableFuture<String> closedDown = new CompletableFuture<>();
    /** Completes when the user closed the stream (FIN). */
    public final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile LinkStreamListener listener;
    private volatile boolean writable = true;

    public RecordingLinkStream(StreamKind kind) {
        this.open = new StreamOpen(kind, "s-test", kind == StreamKind.INCOMING ? "O0013000000PARTNER" : null, null,
                "192.0.2.7:40000");
    }

    @Override
    public int id() {
        return 2;
    }

    @Override
    public StreamOpen open() {
        return open;
    }

    @Override
    public Link link() {
        throw new UnsupportedOperationException("no link in handler tests");
    }

    @Override
    public void setListener(LinkStreamListener newListener) {
        listener = newListener;
    }

    public LinkStreamListener listener() {
        return listener;
    }

    @Override
    public synchronized void write(ByteBuf data) {
        try {
            written.writeBytes(ByteBufUtil.getBytes(data));
        } finally {
            data.release();
        }
    }

    /** Every octet written to the stream so far. */
    public synchronized byte[] written() {
        return written.toByteArray();
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    /** Changes writability and tells the listener, as the link does. */
    public void writable(boolean value) {
        writable = value;
        listener.onWritabilityChanged(this, value);
    }

    @Override
    public void consumed(int octets) {
        consumed.addAndGet(octets);
    }

    public int consumed() {
        return consumed.get();
    }

    @Override
    public void close() {
        closed.complete(null);
    }

    @Override
    public void reset(String reason) {
        reset.complete(reason);
    }

    @Override
    public void closeDown(String reason) {
        closedDown.complete(reason);
    }
}
