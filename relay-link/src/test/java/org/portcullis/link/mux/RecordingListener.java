package org.portcullis.link.mux;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.Link;
import org.portcullis.link.LinkListener;
import org.portcullis.link.LinkStream;
import org.portcullis.link.LinkStreamListener;

/** Records what a link and its streams report; optionally consumes what arrives (returns credit at once). */
final class RecordingListener implements LinkListener, LinkStreamListener {
    record Closed(int streamId, boolean reset, String reason) {
    }

    final List<Link> up = new CopyOnWriteArrayList<>();
    final List<LinkStream> opened = new CopyOnWriteArrayList<>();
    final List<ControlMessage> controls = new CopyOnWriteArrayList<>();
    final List<Closed> closed = new CopyOnWriteArrayList<>();
    /** Streams the peer closed down, when {@link #hearsCloseDown}; otherwise they are in {@link #closed}. */
    final List<Closed> closedDown = new CopyOnWriteArrayList<>();
    final List<Boolean> writability = new CopyOnWriteArrayList<>();
    final AtomicReference<Throwable> downCause = new AtomicReference<>();
    final List<Link> down = new CopyOnWriteArrayList<>();
    final Map<Integer, ByteArrayOutputStream> received = new ConcurrentHashMap<>();
    volatile boolean consume = true;
    volatile boolean listenOnOpen = true;
    volatile boolean hearsCloseDown = true;

    @Override
    public void linkUp(Link link) {
        up.add(link);
    }

    @Override
    public void streamOpened(Link link, LinkStream stream) {
        opened.add(stream);
        if (listenOnOpen) {
            stream.setListener(this);
        }
    }

    @Override
    public void control(Link link, ControlMessage message) {
        controls.add(message);
    }

    @Override
    public void linkDown(Link link, Throwable causeOrNull) {
        downCause.set(causeOrNull);
        down.add(link);
    }

    @Override
    public void onData(LinkStream stream, ByteBuf data) {
        int length = data.readableBytes();
        ByteArrayOutputStream sink = received.computeIfAbsent(stream.id(), id -> new ByteArrayOutputStream());
        synchronized (sink) {
            byte[] octets = new byte[length];
            data.readBytes(octets);
            sink.write(octets, 0, length);
        }
        data.release();
        if (consume) {
            stream.consumed(length);
        }
    }

    @Override
    public void onWritabilityChanged(LinkStream stream, boolean writable) {
        writability.add(writable);
    }

    @Override
    public void onClosed(LinkStream stream, boolean reset, String reason) {
        closed.add(new Closed(stream.id(), reset, reason));
    }

    @Override
    public void onClosedDown(LinkStream stream, String reason) {
        if (hearsCloseDown) {
            closedDown.add(new Closed(stream.id(), true, reason));
        } else {
            LinkStreamListener.super.onClosedDown(stream, reason);
        }
    }

    int receivedOctets(int streamId) {
        ByteArrayOutputStream sink = received.get(streamId);
        return sink == null ? 0 : sink.size();
    }

    byte[] receivedBytes(int streamId) {
        ByteArrayOutputStream sink = received.get(streamId);
        return sink == null ? new byte[0] : sink.toByteArray();
    }

    List<Closed> closedOf(int streamId) {
        List<Closed> result = new ArrayList<>();
        for (Closed c : closed) {
            if (c.streamId() == streamId) {
                result.add(c);
            }
        }
        return result;
    }
}
