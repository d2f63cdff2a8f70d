package org.portcullis.link.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.ControlType;

/** The CONTROL frame payload: one octet of control type (CONFIG 1, CONFIG_RESULT 2, CRL_URLS 3, EVENT 4), the body. */
public final class ControlCodec {

    private ControlCodec() {
    }

    public static int code(ControlType type) {
        return switch (type) {
            case CONFIG -> 1;
            case CONFIG_RESULT -> 2;
            case CRL_URLS -> 3;
            case EVENT -> 4;
        };
    }

    /** The type with this code, or null when unknown. */
    public static ControlType type(int code) {
        return switch (code) {
            case 1 -> ControlType.CONFIG;
            case 2 -> ControlType.CONFIG_RESULT;
            case 3 -> ControlType.CRL_URLS;
            case 4 -> ControlType.EVENT;
            default -> null;
        };
    }

    /** The payload, wrapping the body without copying it. */
    public static ByteBuf encode(ControlMessage message) {
        return Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(new byte[] {(byte) code(message.type())}),
                Unpooled.wrappedBuffer(message.body()));
    }

    /** The message in a payload (not released here), or null when its type is unknown. */
    public static ControlMessage decode(ByteBuf payload) {
        ControlType type = type(payload.getUnsignedByte(payload.readerIndex()));
        if (type == null) {
            return null;
        }
        byte[] body = ByteBufUtil.getBytes(payload, payload.readerIndex() + 1, payload.readableBytes() - 1);
        return new ControlMessage(type, body);
    }
}
