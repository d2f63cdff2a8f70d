package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/**
 * Unpacks the subrecords of a DATA exchange buffer into the virtual file octets they stand for
 * (RFC 5024 §7.2), expanding compressed subrecords.
 */
public final class SubrecordReader {
    private static final byte[] NO_SEPARATOR = new byte[0];

    private SubrecordReader() {
    }

    /**
     * Appends the file octets of {@code data} to {@code out}; the Data's reader index does not move.
     *
     * @return how many records this buffer ends (end-of-record flags seen); for a U format file a
     *         non-zero count means the file is complete
     */
    public static int read(Data data, ByteBuf out) {
        return read(data, out, NO_SEPARATOR);
    }

    /**
     * As {@link #read(Data, ByteBuf)}, writing {@code recordSeparator} after each record's last octet
     * (CR LF rebuilds a T format file as text).
     */
    public static int read(Data data, ByteBuf out, byte[] recordSeparator) {
        ByteBuf in = data.content();
        int index = in.readerIndex();
        int end = in.writerIndex();
        int records = 0;
        while (index < end) {
            int header = in.getByte(index);
            int count = header & Data.COUNT_MASK;
            if ((header & Data.COMPRESSED) != 0) {
                byte repeated = in.getByte(index + 1);
                out.ensureWritable(count);
                for (int i = 0; i < count; i++) {
                    out.writeByte(repeated);
                }
                index += 2;
            } else {
                out.writeBytes(in, index + 1, count);
                index += 1 + count;
            }
            if ((header & Data.END_OF_RECORD) != 0) {
                records++;
                out.writeBytes(recordSeparator);
            }
        }
        return records;
    }
}
