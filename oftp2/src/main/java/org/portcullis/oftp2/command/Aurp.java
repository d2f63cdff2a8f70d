package org.portcullis.oftp2.command;

import java.util.Arrays;

import io.netty.buffer.ByteBuf;

/** Authentication Response: the decrypted 20-octet challenge (RFC 5024 §5.3.18). */
public record Aurp(byte[] response) implements OftpCommand {
    /** AURPRSP is U(20). */
    public static final int RESPONSE_LENGTH = 20;
    static final int LENGTH = 1 + RESPONSE_LENGTH;

    /** @param response exactly 20 octets; copied */
    public Aurp {
        response = FieldCheck.octets("AURPRSP", response, RESPONSE_LENGTH, RESPONSE_LENGTH);
    }

    /** A copy of the 20 response octets. */
    @Override
    public byte[] response() {
        return response.clone();
    }

    @Override
    public CommandCode commandCode() {
        return CommandCode.AURP;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.AURP.octet());
        out.writeBytes(response);
    }

    static Aurp read(FieldReader reader) {
        reader.command("AURP", LENGTH);
        return new Aurp(reader.octets("AURPRSP", RESPONSE_LENGTH));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Aurp that && Arrays.equals(response, that.response);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(response);
    }

    /** The response is a secret's proof, so only its length is shown. */
    @Override
    public String toString() {
        return "Aurp[response=" + response.length + " octets]";
    }
}
