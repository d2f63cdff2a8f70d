package org.portcullis.link;

/** The owner's callbacks for a link, called on the link's event loop; they must not block. */
public interface LinkListener {

    /** The link is authenticated and ready. */
    void linkUp(Link link);

    /** The peer opened a stream; the stream is already ACKed. Set a listener on it or reset it. */
    void streamOpened(Link link, LinkStream stream);

    /** A control message arrived. */
    void control(Link link, ControlMessage message);

    /** The link is gone; every stream has been closed with reset = true, "link lost". */
    void linkDown(Link link, Throwable causeOrNull);
}
