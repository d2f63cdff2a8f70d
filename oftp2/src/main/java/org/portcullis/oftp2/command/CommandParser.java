package org.portcullis.oftp2.command;

import java.util.Objects;

import io.netty.buffer.ByteBuf;

import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;

/** Reads one exchange buffer into the command it holds, checking every field (RFC 5024 §5.3). */
public final class CommandParser {
    private final ParseMode mode;

    public CommandParser(ParseMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    public ParseMode mode() {
        return mode;
    }

    /**
     * Parses the exchange buffer (the octets after the Stream Transmission Header). The buffer's
     * reader index is advanced past what was read; the caller keeps ownership of {@code buffer}
     * (a returned {@link Data} holds its own retained slice).
     *
     * @throws OftpProtocolException with the ESID reason for the first fault: 01 for an unknown
     *                               command octet, 07 for a length that disagrees with the octets
     *                               present, 06 for invalid field content
     */
    public OftpCommand parse(ByteBuf buffer) {
        if (!buffer.isReadable()) {
            throw new OftpProtocolException(EsidReason.EXCHANGE_BUFFER_SIZE_ERROR, null, "empty exchange buffer");
        }
        int octet = buffer.getByte(buffer.readerIndex()) & 0xFF;
        CommandCode code = CommandCode.ofOctet(octet);
        if (code == null) {
            throw new OftpProtocolException(EsidReason.COMMAND_NOT_RECOGNISED, null,
                    String.format("first octet 0x%02X is not an OFTP 2.0 command", octet));
        }
        try {
            return read(code, new FieldReader(buffer, mode));
        } catch (InvalidFieldException e) {
            // A value rule the record enforces (a range, an enumeration) broken on the wire.
            throw new OftpProtocolException(EsidReason.COMMAND_CONTAINED_INVALID_DATA, e.field(), e.detail());
        }
    }

    private static OftpCommand read(CommandCode code, FieldReader reader) {
        return switch (code) {
            case SSRM -> Ssrm.read(reader);
            case SSID -> Ssid.read(reader);
            case SECD -> Secd.read(reader);
            case AUCH -> Auch.read(reader);
            case AURP -> Aurp.read(reader);
            case SFID -> Sfid.read(reader);
            case SFPA -> Sfpa.read(reader);
            case SFNA -> Sfna.read(reader);
            case DATA -> Data.read(reader);
            case CDT -> Cdt.read(reader);
            case EFID -> Efid.read(reader);
            case EFPA -> Efpa.read(reader);
            case EFNA -> Efna.read(reader);
            case ESID -> Esid.read(reader);
            case CD -> Cd.read(reader);
            case EERP -> Eerp.read(reader);
            case NERP -> Nerp.read(reader);
            case RTR -> Rtr.read(reader);
        };
    }
}
