package org.portcullis.link;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.portcullis.link.mux.MuxStream;

/**
 * One end of a test transfer on a link stream: sends {@code total} pseudo-random octets in chunks of random sizes
 * (so frames are cut from parts of chunks and joined from several) as fast as writability allows, then closes;
 * digests what it receives, returns credit at once unless stalled, and records the peaks of its send queue and
 * unconsumed receive octets. It writes from the thread that attaches it and, after a writability change, from the
 * link's event loop, so the stream must keep the order of writes from both.
 */
final class TransferEnd implements LinkStreamListener {
    /** The largest chunk written at once: four frames. */
    private static final int MAX_CHUNK = 64 * 1024;

    /** How the stream ended and what passed. */
    record Result(boolean reset, String reason, long received, String receivedSha256) {
    }

    private final long total;
    private final SplittableRandom random;
    private final MessageDigest sentDigest = sha256();
    private final MessageDigest receivedDigest = sha256();
    private final boolean stalled;
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private LinkStream stream;
    private long sent;
    private volatile long received;
    private volatile int peakQueued;
    private volatile int peakUnconsumed;
    private boolean closed;

    TransferEnd(long total, long seed, boolean stalled) {
        this.total = total;
        this.random = new SplittableRandom(seed);
        this.stalled = stalled;
    }

    static TransferEnd receiver() {
        return new TransferEnd(0, 0, false);
    }

    static TransferEnd stalledReceiver() {
        return new TransferEnd(0, 0, true);
    }

    /** Attaches to the stream and starts sending. */
    TransferEnd attach(LinkStream linkStream) {
        synchronized (this) {
            stream = linkStream;
        }
        linkStream.setListener(this);
        pump();
        return this;
    }

    private synchronized void pump() {
        while (sent < total && stream.isWritable()) {
            byte[] chunk = new byte[(int) Math.min(1 + random.nextInt(MAX_CHUNK), total - sent)];
            random.nextBytes(chunk);
            sentDigest.update(chunk);
            stream.write(Unpooled.wrappedBuffer(chunk));
            sent += chunk.length;
            peakQueued = Math.max(peakQueued, ((MuxStream) stream).queuedOctets());
        }
        if (sent == total && total > 0 && !closed) {
            closed = true;
            stream.close();
        }
    }

    @Override
    public void onData(LinkStream s, ByteBuf data) {
        int length = data.readableBytes();
        peakUnconsumed = Math.max(peakUnconsumed, ((MuxStream) s).unconsumedOctets());
        byte[] octets = new byte[length];
        data.readBytes(octets);
        data.release();
        synchronized (receivedDigest) {
            receivedDigest.update(octets);
        }
        received += length;
        if (!stalled) {
            s.consumed(length);
        }
    }

    @Override
    public void onWritabilityChanged(LinkStream s, boolean writable) {
        if (writable) {
            pump();
        }
    }

    @Override
    public void onClosed(LinkStream s, boolean reset, String reason) {
        String digest;
        synchronized (receivedDigest) {
            digest = HexFormat.of().formatHex(receivedDigest.digest());
        }
        done.complete(new Result(reset, reason, received, digest));
    }

    CompletableFuture<Result> done() {
        return done;
    }

    synchronized String sentSha256() {
        return HexFormat.of().formatHex(sentDigest.digest());
    }

    synchronized long sent() {
        return sent;
    }

    long received() {
        return received;
    }

    int peakQueued() {
        return peakQueued;
    }

    int peakUnconsumed() {
        return peakUnconsumed;
    }

    LinkStream stream() {
        return stream;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
