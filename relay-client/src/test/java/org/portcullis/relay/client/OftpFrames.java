package org.portcullis.relay.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Ssrm;

/** OFTP2 commands in their Stream Transmission Buffer (RFC 5024 §8.2), as octets, for tests. */
public final class OftpFrames {
    private OftpFrames() {
    }

    public static byte[] ssrm() {
        return frame(Ssrm.INSTANCE);
    }

    public static byte[] frame(OftpCommand command) {
        ByteBuf body = Unpooled.buffer();
        try {
            command.writeTo(body);
            return frame(ByteBufUtil.getBytes(body));
        } finally {
            body.release();
        }
    }

    public static byte[] frame(byte[] exchangeBuffer) {
        int length = exchangeBuffer.length + 4;
        byte[] framed = new byte[length];
        framed[0] = 0x10;
        framed[1] = (byte) (length >>> 16);
        framed[2] = (byte) (length >>> 8);
        framed[3] = (byte) length;
        System.arraycopy(exchangeBuffer, 0, framed, 4, exchangeBuffer.length);
        return framed;
    }
}
