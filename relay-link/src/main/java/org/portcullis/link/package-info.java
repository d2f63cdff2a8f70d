/**
 * The link between relay-client and relay-server (wire format: {@code docs/link-protocol.md}).
 *
 * <p>relay-server runs a {@link org.portcullis.link.LinkServer}, relay-client a
 * {@link org.portcullis.link.LinkConnector}; each hands its {@link org.portcullis.link.LinkListener} the
 * {@link org.portcullis.link.Link} when it is up. Either side opens a {@link org.portcullis.link.LinkStream} per
 * OFTP2 session and sends {@link org.portcullis.link.ControlMessage}s.
 *
 * <p>How a relay uses a stream: on {@code onData} it writes the octets to its socket and calls
 * {@code consumed(n)} when that write completed (that credit is what bounds memory); it writes what its socket
 * reads with {@code write}, and stops reading its socket while {@code isWritable()} is false, resuming on
 * {@code onWritabilityChanged(true)}. Every listener callback runs on the link's event loop and must not block;
 * every method may be called from any thread. {@code onClosed} comes exactly once: after FIN both ways, after a
 * reset by either side (including this side's own {@code reset}), or with reason "link lost".
 */
package org.portcullis.link;
