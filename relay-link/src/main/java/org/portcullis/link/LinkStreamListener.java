package org.portcullis.link;

import io.netty.buffer.ByteBuf;

/** Callbacks of one link stream, called on the link's event loop; they must not block. */
public interface LinkStreamListener {

    /** Octets from the peer; ownership of {@code data} passes to the listener, which calls {@link LinkStream#consumed}. */
    void onData(LinkStream stream, ByteBuf data);

    /** {@link LinkStream#isWritable()} changed. */
    default void onWritabilityChanged(LinkStream stream, boolean writable) {
    }

    /** The stream ended: FIN both ways, RST from either side, or link lost (reset = true). Called exactly once. */
    void onClosed(LinkStream stream, boolean reset, String reason);

    /**
     * The stream ended because the peer closed the session down on purpose ({@link LinkStream#closeDown}); called
     * instead of {@link #onClosed}, exactly once. By default it is a reset.
     */
    default void onClosedDown(LinkStream stream, String reason) {
        onClosed(stream, true, reason);
    }
}
