package org.portcullis.link.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.Link;
import org.portcullis.link.LinkListener;
import org.portcullis.link.LinkStream;
import org.portcullis.link.LinkStreamListener;

/**
 * The owner of the fuzzed link, as relay-server or relay-client would be: it takes every stream the peer
 * opens, frees what arrives, and (as the input says) returns credit, writes back or closes the stream.
 */
final class FuzzOwner implements LinkListener, LinkStreamListener {
    private static final byte[] REPLY = new byte[300];

    private final LinkFuzzInput input;
    private int received;

    FuzzOwner(LinkFuzzInput input) {
        this.input = input;
    }

    int receivedOctets() {
        return received;
    }

    @Override
    public void linkUp(Link link) {
        // The link is assembled by LinkReplay, which opens a stream itself when the input asks.
    }

    @Override
    public void streamOpened(Link link, LinkStream stream) {
        stream.setListener(this);
        if (input.writeBack()) {
            stream.write(Unpooled.wrappedBuffer(REPLY));
        }
        if (input.closeStreams()) {
            stream.close();
        }
    }

    @Override
    public void control(Link link, ControlMessage message) {
        // Nothing to check: the body was copied out of the frame, which the link released.
    }

    @Override
    public void linkDown(Link link, Throwable causeOrNull) {
        // The replay checks the channel, not the cause: the link may end for any reason the peer gives it.
    }

    @Override
    public void onData(LinkStream stream, ByteBuf data) {
        int length = data.readableBytes();
        received += length;
        data.release();
        if (input.consume()) {
            stream.consumed(length);
        }
    }

    @Override
    public void onClosed(LinkStream stream, boolean reset, String reason) {
        // Every stream ends; the replay checks that nothing it held is left unreleased.
    }
}
