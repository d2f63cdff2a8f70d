package org.portcullis.oftp2.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Byte helpers for the framing tests: every buffer read here is released here. */
final class FrameBytes {
    private FrameBytes() {
    }

    static ByteBuf hex(String hex) {
        return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static ByteBuf frame(byte[] exchangeBuffer) {
        ByteBuf frame = Unpooled.buffer(4 + exchangeBuffer.length);
        StbHeader.write(frame, exchangeBuffer.length);
        return frame.writeBytes(exchangeBuffer);
    }

    /** Reads, copies and releases one inbound buffer. */
    static byte[] readInbound(EmbeddedChannel channel) {
        ByteBuf buffer = channel.readInbound();
        return take(buffer);
    }

    /** Reads, concatenates and releases every outbound buffer. */
    static byte[] readAllOutbound(EmbeddedChannel channel) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (ByteBuf buffer; (buffer = channel.readOutbound()) != null; ) {
            bytes.writeBytes(take(buffer));
        }
        return bytes.toByteArray();
    }

    static byte[] take(ByteBuf buffer) {
        try {
            return ByteBufUtil.getBytes(buffer);
        } finally {
            buffer.release();
        }
    }
}
