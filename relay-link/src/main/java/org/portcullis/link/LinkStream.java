package org.portcullis.link;

import io.netty.buffer.ByteBuf;

/**
 * One OFTP2 session carried over the link, with its own credit-based flow control. All methods are thread-safe.
 *
 * <p>Close semantics: {@link #close()} sends FIN after the queued data; a FIN from the peer means it sends no more.
 * The stream ends (and {@link LinkStreamListener#onClosed} is called with reset = false) once both sides sent FIN.
 */
public interface LinkStream {

    /** The stream id: odd when opened by relay-client, even when opened by relay-server. */
    int id();

    /** The metadata the opening side sent. */
    StreamOpen open();

    /** The link carrying this stream. */
    Link link();

    /** Sets the listener; data and close that arrived before are delivered once set. */
    void setListener(LinkStreamListener listener);

    /** Sends {@code data} (ownership passes); never blocks: beyond the peer's window, data is queued. */
    void write(ByteBuf data);

    /** False while the queued, unsent octets reach the threshold; the caller then stops reading its source. */
    boolean isWritable();

    /** Returns {@code octets} of receive credit to the peer once the data was passed on. */
    void consumed(int octets);

    /** Sends FIN after the queued data. */
    void close();

    /** Sends RST now and releases queued data. */
    void reset(String reason);

    /**
     * Like {@link #reset}, and tells the peer that this side closes the session down on purpose (a drain's deadline,
     * kill-session), so that it ends the session at its side as such: relay-server gives the partner ESID 05 after
     * the last whole frame it relayed. The peer's listener hears {@link LinkStreamListener#onClosedDown}.
     */
    void closeDown(String reason);
}
