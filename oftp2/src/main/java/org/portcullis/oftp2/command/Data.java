package org.portcullis.oftp2.command;

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
     */
    static boolean scan(ByteBuf buffer, int from, int to) {
        boolean compressed = false;
        int index = from;
        while (index < to) {
            int header = buffer.getByte(index);
            if ((header & COMPRESSED) != 0) {
                compressed = true;
                index += 2;
            } else {
                index += 1 + (header & COUNT_MASK);
            }
        }
        if (index > to) {
            throw new OftpProtocolException(EsidReason.COMMAND_CONTAINED_INVALID_DATA, "DATA",
                    "the last subrecord runs " + (index - to) + " octets past the end of the buffer");
        }
        return compressed;
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
