package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * A Data Exchange Buffer (RFC 5024 §5.3.6, §7): the subrecords that follow the {@code D} octet, held
 * without copying. The holder owns one reference to {@link #content()}; whoever receives a Data
 * releases it or passes it on.
 */
public final class Data extends DefaultByteBufHolder implements OftpCommand {

    /** @param subrecords the octets after {@code D}: subrecord headers and subrecords */
    public Data(ByteBuf subrecords) {
        super(subrecords);
    }

    @Override
    public CommandCode commandCode() {
        return CommandCode.DATA;
    }

    @Override
    public void writeTo(ByteBuf out) {
        throw new UnsupportedOperationException("not yet written");
    }
}
