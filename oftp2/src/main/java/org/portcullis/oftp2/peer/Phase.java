package org.portcullis.oftp2.peer;

import java.io.IOException;
import org.portcullis.oftp2.command.OftpCommand;

/**
 * One phase of an OFTP session as this peer lives it (RFC 5024 §4.2, §4.3): start, Speaker or
 * Listener. The session handler passes each command received to the current phase.
 */
interface Phase {

    /** Called once when the phase becomes current. */
    void begin() throws IOException;

    /** A command from the partner, already checked against the session rules; not ESID. */
    void onCommand(OftpCommand command) throws IOException;

    /** The channel can take more writes again. */
    default void onWritable() throws IOException {
    }

    /** The connection is gone before the phase finished: keep what a restart needs, release the rest. */
    default void abandon() {
    }
}
