package org.portcullis.daemon.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ControlAddressTest {

    @Test
    void takesAPortAloneOnIpv4Loopback() {
        assertEquals("127.0.0.1:9878", ControlAddress.parse("9878").toString());
        assertEquals("127.0.0.1:0", ControlAddress.parse("0").toString());
    }

    @Test
    void takesLoopbackAddresses() {
        assertEquals("127.0.0.2:9879", ControlAddress.parse("127.0.0.2:9879").toString());
        assertEquals("[0:0:0:0:0:0:0:1]:9878", ControlAddress.parse("[::1]:9878").toString());
    }

    @Test
    void refusesEveryAddressBeyondLoopback() {
        for (String value : new String[] {"0.0.0.0:9878", "192.0.2.2:9878", "[::]:9878", "[2001:db8::1]:9878",
            "[::ffff:192.0.2.2]:9878"}) {
            TypeConversionException refused = assertThrows(TypeConversionException.class,
                    () -> ControlAddress.parse(value));
            assertTrue(refused.getMessage().contains("loopback only"), refused.getMessage());
        }
    }

    @Test
    void refusesNamesBadPortsAndUnbracketedIpv6() {
        assertTrue(assertThrows(TypeConversionException.class, () -> ControlAddress.parse("localhost:9878"))
                .getMessage().contains("not a name"));
        assertTrue(assertThrows(TypeConversionException.class, () -> ControlAddress.parse("127.0.0.1:65536"))
                .getMessage().contains("not a port"));
        assertTrue(assertThrows(TypeConversionException.class, () -> ControlAddress.parse("127.0.0.1:x"))
                .getMessage().contains("not a port"));
        assertTrue(assertThrows(TypeConversionException.class, () -> ControlAddress.parse("::1:9878"))
                .getMessage().contains("brackets"));
    }

    @Test
    void refusesANonLoopbackSocketAddressInCode() {
        assertThrows(IllegalArgumentException.class, () -> new ControlAddress(new InetSocketAddress("192.0.2.2", 1)));
    }

    @Test
    void tellsLoopbackPeersFromOthers() {
        assertTrue(LoopbackOnlyHandler.isLoopback(new InetSocketAddress("127.0.0.1", 5)));
        assertTrue(LoopbackOnlyHandler.isLoopback(new InetSocketAddress("::1", 5)));
        assertTrue(!LoopbackOnlyHandler.isLoopback(new InetSocketAddress("192.0.2.2", 5)));
        assertTrue(!LoopbackOnlyHandler.isLoopback(InetSocketAddress.createUnresolved("localhost", 5)));
    }
}
