package org.portcullis.oftp2.command;

import java.nio.ByteBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;

/**
 * A Data Exchange Buffer (RFC 5024 §5.3.6, §7): the subrecords that follow the {@code D} octet, held
 * without copying. Construction checks the subrecord structure in one pass over the headers, so a
 * Data is always well formed. The holder owns one reference to {@link #content()}; whoever receives
 * a Data releases it or passes it on.
 */
public final class Data extends DefaultByteBufHolder implements OftpCommand {
    /** Subrecord header bit: the next subrecord ends the record (for U format, the file). */
    public static final int END_OF_RECORD = 0x80;
    /** Subrecord header bit: the next subrecord is one octet, repeated count times. */
    public static final int COMPRESSED = 0x40;
    /** Subrecord header bits: the count, 0..63. */
    public static final int COUNT_MASK = 0x3F;
    /** The header of a subrecord of the most octets, neither compressed nor ending a record. */
    private static final byte FULL_SUBRECORD = COUNT_MASK;
    /** That header and its 63 octets. */
    private static final int FULL_SUBRECORD_LENGTH = 1 + COUNT_MASK;

    private final int length;
    private final boolean compressed;

    /**
     * @param subrecords the octets after {@code D}: subrecord headers and subrecords; on success the
     *                   Data owns this reference, on failure the caller still does
     * @throws OftpProtocolException ESID 06 for field "DATA" when a subrecord runs past the buffer
     */
    public Data(ByteBuf subrecords) {
        this(subrecords, scan(subrecords, subrecords.readerIndex(), subrecords.writerIndex()));
    }

    /** For content whose structure was already checked or built here. */
    Data(ByteBuf subrecords, boolean compressed) {
        super(subrecords);
        this.length = 1 + subrecords.readableBytes();
        this.compressed = compressed;
    }

    /**
     * Checks the subrecord headers between {@code from} and {@code to} and tells whether a compressed
     * subrecord occurs. Only headers are read: each lets the scan skip its subrecord.
     *
     * <p>Every octet a relay passes goes through here, so the scan reads NIO views of the buffer (one
     * per component of a composite, never a copy) instead of paying a bounds, reference-count and
     * component check per header, and a subrecord running past the end of one view carries over into
     * the next.
     */
    static boolean scan(ByteBuf buffer, int from, int to) {
        boolean compressed = false;
        int carry = 0;
        for (ByteBuffer view : buffer.nioBuffers(from, to - from)) {
            int index = view.position() + carry;
            int limit = view.limit();
            while (index < limit) {
                index = skipFullSubrecords(view, index, limit);
                if (index >= limit) {
                    break;
                }
                int header = view.get(index);
                if ((header & COMPRESSED) != 0) {
                    compressed = true;
                    index += 2;
                } else {
                    index += 1 + (header & COUNT_MASK);
                }
            }
            carry = index - limit;
        }
        if (carry > 0) {
            throw new OftpProtocolException(EsidReason.COMMAND_CONTAINED_INVALID_DATA, "DATA",
                    "the last subrecord runs " + carry + " octets past the end of the buffer");
        }
        return compressed;
    }

    /**
     * Skips runs of full subrecords (63 octets, neither compressed nor ending a record: all but the last
     * of a U format file) four at a time. Each header's place follows from the one before, so a scan
     * that reads one header at a time waits for every read in turn; here the four places are known in
     * advance and their reads overlap, which makes the scan about three times as fast.
     *
     * @return the index of the first header that does not start such a run of four
     */
    private static int skipFullSubrecords(ByteBuffer view, int index, int limit) {
        int next = index;
        while (next + 3 * FULL_SUBRECORD_LENGTH < limit
                && view.get(next) == FULL_SUBRECORD
                && view.get(next + FULL_SUBRECORD_LENGTH) == FULL_SUBRECORD
                && view.get(next + 2 * FULL_SUBRECORD_LENGTH) == FULL_SUBRECORD
                && view.get(next + 3 * FULL_SUBRECORD_LENGTH) == FULL_SUBRECORD) {
            next += 4 * FULL_SUBRECORD_LENGTH;
        }
        return next;
    }

    static Data read(FieldReader reader) {
        ByteBuf buffer = reader.buffer();
        buffer.skipBytes(1);
        boolean compressed = scan(buffer, buffer.readerIndex(), buffer.writerIndex());
        return new Data(buffer.readRetainedSlice(buffer.readableBytes()), compressed);
    }

    /** The exchange buffer length: the {@code D} octet plus the subrecords, to check against SDEB. */
    public int length() {
        return length;
    }

    /** Whether any subrecord is compressed (allowed only when SSIDCMPR was agreed). */
    public boolean compressed() {
        return compressed;
    }

    @Override
    public CommandCode commandCode() {
        return CommandCode.DATA;
    }

    /** Writes {@code D} and the subrecords; the content's reader index does not move. */
    @Override
    public void writeTo(ByteBuf out) {
        ByteBuf content = content();
        out.writeByte(CommandCode.DATA.octet());
        out.writeBytes(content, content.readerIndex(), content.readableBytes());
    }

    @Override
    public Data copy() {
        return replace(content().copy());
    }

    @Override
    public Data duplicate() {
        return replace(content().duplicate());
    }

    @Override
    public Data retainedDuplicate() {
        return replace(content().retainedDuplicate());
    }

    @Override
    public Data replace(ByteBuf content) {
        return new Data(content, compressed);
    }

    @Override
    public Data retain() {
        super.retain();
        return this;
    }

    @Override
    public Data retain(int increment) {
        super.retain(increment);
        return this;
    }

    @Override
    public Data touch() {
        super.touch();
        return this;
    }

    @Override
    public Data touch(Object hint) {
        super.touch(hint);
        return this;
    }
}
