package org.portcullis.link.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.portcullis.link.LinkException;
import org.portcullis.link.StreamKind;
import org.portcullis.link.StreamOpen;

/** Encodes and validates the SYN payload (window, kind, four length-prefixed UTF-8 texts) and RST reasons. */
public final class StreamOpenCodec {
    /** Largest SYN payload accepted. */
    public static final int MAX_SYN = 4096;
    /** Largest RST reason sent, in octets. */
    public static final int MAX_REASON = 256;
    private static final int NULL_TEXT = 0xFFFF;

    private StreamOpenCodec() {
    }

    public static ByteBuf encode(ByteBufAllocator alloc, int window, StreamOpen open) {
        ByteBuf out = alloc.buffer(64);
        out.writeInt(window).writeByte(open.kind().ordinal());
        writeText(out, open.sessionId());
        writeText(out, open.odetteId());
        writeText(out, open.routeName());
        writeText(out, open.peerAddress());
        return out;
    }

    /** Reads a SYN payload (not released here); every fault is a {@link LinkException}. */
    public static StreamSyn decode(ByteBuf in) {
        if (in.readableBytes() > MAX_SYN) {
            throw new LinkException("stream open: " + in.readableBytes() + " octets exceed " + MAX_SYN);
        }
        ByteBuf buf = in.duplicate();
        try {
            int window = buf.readInt();
            if (window < 0) {
                throw new LinkException("stream open: window " + Integer.toUnsignedString(window));
            }
            int kind = buf.readUnsignedByte();
            if (kind >= StreamKind.values().length) {
                throw new LinkException("stream open: unknown kind " + kind);
            }
            String sessionId = readText(buf);
            if (sessionId == null) {
                throw new LinkException("stream open: no sessionId");
            }
            StreamOpen open = new StreamOpen(StreamKind.values()[kind], sessionId, readText(buf), readText(buf),
                    readText(buf));
            if (buf.isReadable()) {
                throw new LinkException("stream open: " + buf.readableBytes() + " octets after the last field");
            }
            return new StreamSyn(window, open);
        } catch (IndexOutOfBoundsException e) {
            throw new LinkException("stream open: truncated", e);
        }
    }

    /** The RST payload: the reason in UTF-8, cut to {@link #MAX_REASON} octets. */
    public static ByteBuf encodeReason(ByteBufAllocator alloc, String reason) {
        String text = reason == null ? "" : reason;
        if (text.length() > MAX_REASON / 3) {
            text = text.substring(0, MAX_REASON / 3);
        }
        ByteBuf out = alloc.buffer(ByteBufUtil.utf8MaxBytes(text));
        ByteBufUtil.writeUtf8(out, text);
        return out;
    }

    /** The reason an RST carries, cleaned of control characters for logging. */
    public static String decodeReason(ByteBuf in) {
        int length = Math.min(in.readableBytes(), MAX_REASON);
        String text = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        return text.isEmpty() ? "reset by peer" : text.replaceAll("\\p{Cntrl}", "?");
    }

    private static void writeText(ByteBuf out, String text) {
        if (text == null) {
            out.writeShort(NULL_TEXT);
            return;
        }
        int lengthIndex = out.writerIndex();
        out.writeShort(0);
        int written = ByteBufUtil.writeUtf8(out, text);
        out.setShort(lengthIndex, written);
    }

    private static String readText(ByteBuf in) {
        int length = in.readUnsignedShort();
        if (length == NULL_TEXT) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in.readSlice(length).nioBuffer()).toString();
        } catch (CharacterCodingException e) {
            throw new LinkException("stream open: a text field is not UTF-8", e);
        }
    }
}
