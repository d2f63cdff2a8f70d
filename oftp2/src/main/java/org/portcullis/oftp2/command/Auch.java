package org.portcullis.oftp2.command;

import java.util.Arrays;

import io.netty.buffer.ByteBuf;

/** Authentication Challenge: a CMS-encrypted 20-octet challenge (RFC 5024 §5.3.17). */
public record Auch(byte[] challenge) implements OftpCommand {
    static final int MINIMUM_LENGTH = 3;
    private static final int MAX_CHALLENGE = 0xFFFF;

    /** @param challenge the CMS envelope, at most 65535 octets (AUCHCHLL is U(2)); copied */
    public Auch {
        challenge = FieldCheck.octets("AUCHCHAL", challenge, 0, MAX_CHALLENGE);
    }

    /** A copy of the challenge octets. */
    @Override
    public byte[] challenge() {
        return challenge.clone();
    }

    @Override
    public CommandCode commandCode() {
        return CommandCode.AUCH;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.AUCH.octet());
        FieldWriter.octets(out, challenge);
    }

    static Auch read(FieldReader reader) {
        reader.variableCommand("AUCH", MINIMUM_LENGTH);
        byte[] challenge = reader.octetsWithLength("AUCHCHLL", "AUCHCHAL");
        reader.end("AUCHCHAL");
        return new Auch(challenge);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Auch that && Arrays.equals(challenge, that.challenge);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(challenge);
    }

    @Override
    public String toString() {
        return "Auch[challenge=" + challenge.length + " octets]";
    }
}
