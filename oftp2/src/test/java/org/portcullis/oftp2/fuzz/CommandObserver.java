package org.portcullis.oftp2.fuzz;

import org.portcullis.oftp2.command.OftpCommand;

/** What the replay shows each decoded command to: the session rules (RFC 5024 §9). */
@FunctionalInterface
interface CommandObserver {
    /** @throws org.portcullis.oftp2.OftpProtocolException when the command breaks the rules */
    void observe(boolean fromResponder, OftpCommand command);
}
