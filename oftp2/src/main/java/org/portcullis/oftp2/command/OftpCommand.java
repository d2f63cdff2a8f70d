package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/**
 * One OFTP 2.0 command, the content of one Exchange Buffer (RFC 5024 §5.3). Values are immutable
 * and valid by construction; {@link CommandParser} builds them from bytes and {@link #writeTo}
 * turns them back into exactly the bytes the RFC prescribes.
 */
public sealed interface OftpCommand
        permits Ssrm, Ssid, Secd, Auch, Aurp, Sfid, Sfpa, Sfna, Data, Cdt, Efid, Efpa, Efna, Esid, Cd, Eerp, Nerp,
        Rtr {

    /** The command's first octet. */
    CommandCode commandCode();

    /** Writes the exchange buffer (without the Stream Transmission Header) to {@code out}. */
    void writeTo(ByteBuf out);
}
