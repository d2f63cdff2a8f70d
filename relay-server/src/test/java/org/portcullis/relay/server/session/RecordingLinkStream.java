package org.portcullis.relay.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.portcullis.link.Link;
import org.portcullis.link.LinkStream;
import org.portcullis.link.LinkStreamListener;
import org.portcullis.link.StreamKind;
import org.portcullis.link.StreamOpen;

/** A link stream that records what the relay does with it; the test plays relay-client's side. */
final class RecordingLinkStream implements LinkStream {
    final ByteBuf written = Unpooled.buffer();
    LinkStreamListener listener;
    int consumed;
    boolean writable = true;
    boolean closed;
    String resetReason;

    @Override
    public int id() {
        return 2;
    }

    @Override
    public StreamOpen open() {
        return new StreamOpen(StreamKind.INCOMING, "test", null, null, null);
    }

    @Override
    public Link link() {
        throw new UnsupportedOperationException("not needed by the relay");
    }

    @Override
    public void setListener(LinkStreamListener newListener) {
        listener = newListener;
    }

    @Override
    public void write(ByteBuf data) {
        written.writeBytes(data);
        data.release();
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public void consumed(int octets) {
        consumed += octets;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void reset(String reason) {
        resetReason = reason;
    }

    @Override
    public void closeDown(String reason) {
        resetReason = reason;
    }


    void release() {
        written.release();
    }
}
