/**
 * The reference OFTP2 peer (RFC 5024): Initiator ({@link org.portcullis.oftp2.peer.PeerClient}) and Responder
 * ({@link org.portcullis.oftp2.peer.PeerServer}) over TCP or TLS, sending every file of a send folder and
 * receiving into a receive folder, with end-to-end receipts (EERP) and restart of cut transfers.
 *
 * <p>Pipeline per connection: {@code idle} (inactivity, ESID 09) → {@code tls} → {@code stbFrame} →
 * {@code oftpCodec} → {@code session}. The session handler sits on the event loop but runs all its work on
 * one executor of a separate group ({@link org.portcullis.oftp2.peer.OftpPeer} owns both), because it reads
 * and writes files; Netty 4.2 deprecates adding a handler with its own executor group, so the hand-off is
 * explicit. Every command sent and received passes through the session rules of
 * {@code org.portcullis.oftp2.session}, so a violation on either side ends the session with its ESID.
 *
 * <p>State kept on disk, all of it hidden from the file listings:
 * <ul>
 *   <li>{@code <receive>/.<name>.part} and {@code .<name>.part.id}: a file being received and its SFID
 *       identity (dataset name, date, time, originator), kept when a session is cut so that a restarted SFID
 *       resumes at min(SFIDREST, whole KiB received);</li>
 *   <li>{@code <receive>/.oftp2-eerp/}: one file per EERP owed, removed when the partner answers RTR;</li>
 *   <li>{@code <send>/.oftp2-restart/<name>}: the SFID identity and the position CDTs confirmed for a file
 *       whose transfer was cut, cleared when the Listener accepted the whole file;</li>
 *   <li>{@code <send>/sent/}: files whose EERP came back; they are not sent again.</li>
 * </ul>
 * A receive folder may be shared by concurrent sessions (distinct dataset names); a send folder belongs to
 * one session at a time.
 */
package org.portcullis.oftp2.peer;
