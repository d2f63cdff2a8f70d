package org.portcullis.oftp2.peer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class HostPortTest {
    private final HostPort converter = new HostPort();

    @Test
    void readsIpv4AndPortZero() {
        InetSocketAddress address = converter.convert("127.0.0.1:0");

        assertEquals("127.0.0.1", address.getHostString());
        assertEquals(0, address.getPort());
    }

    @Test
    void readsBracketedIpv6AndWritesItBack() {
        InetSocketAddress address = converter.convert("[::1]:6619");

        assertEquals(6619, address.getPort());
        assertEquals("[0:0:0:0:0:0:0:1]:6619", HostPort.format(address));
    }

    @Test
    void rejectsMissingPortUnbracketedIpv6AndBadPort() {
        assertThrows(TypeConversionException.class, () -> converter.convert("localhost"));
        assertThrows(TypeConversionException.class, () -> converter.convert("::1:6619"));
        assertThrows(TypeConversionException.class, () -> converter.convert("localhost:65536"));
        assertThrows(TypeConversionException.class, () -> converter.convert(":3305"));
    }
}
