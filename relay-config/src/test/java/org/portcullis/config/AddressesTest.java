package org.portcullis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressesTest {
    @Test
    void displaysIpv4MappedAddressesAsIpv4() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 7};
        Inet6Address address = Inet6Address.getByAddress(null, mapped, -1);

        assertEquals("192.0.2.7", Addresses.display(address));
        assertEquals("192.0.2.7:6619", Addresses.display(new InetSocketAddress(address, 6619)));
    }

    @Test
    void displaysIpv6CompressedAndInBracketsWithAPort() throws Exception {
        assertEquals("::1", Addresses.display(InetAddress.getByName("0:0:0:0:0:0:0:1")));
        assertEquals("::", Addresses.display(InetAddress.getByName("::")));
        assertEquals("2001:db8::1:0:0:1", Addresses.display(InetAddress.getByName("2001:db8:0:0:1:0:0:1")));
        assertEquals("2001:db8:0:1:1:1:1:1", Addresses.display(InetAddress.getByName("2001:db8:0:1:1:1:1:1")));
        assertEquals("fe80::1%3", Addresses.display(Inet6Address.getByAddress(null,
                InetAddress.getByName("fe80::1").getAddress(), 3)));
        assertEquals("[2001:db8::1]:2878",
                Addresses.display(new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 2878)));
        assertEquals("[::]:6619", Addresses.display(new InetSocketAddress(InetAddress.getByName("::"), 6619)));
    }

    @Test
    void displaysIpv4AndUnresolvedAddressesAsTheyAre() throws Exception {
        assertEquals("192.0.2.7:2878", Addresses.display(new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 2878)));
        assertEquals("relay.example:2878", Addresses.display(InetSocketAddress.createUnresolved("relay.example", 2878)));
    }

    @Test
    void parsesHostAndPortInEveryForm() throws Exception {
        assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 2878), Addresses.parseHostPort("[::1]:2878", 1));
        assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 2878), Addresses.parseHostPort("[::1]", 2878));
        assertEquals(new InetSocketAddress(InetAddress.getByName("2001:db8::5"), 2878),
                Addresses.parseHostPort("2001:db8::5", 2878));
        assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 99), Addresses.parseHostPort("192.0.2.7:99", 1));
        assertEquals(InetSocketAddress.createUnresolved("relay.example", 2878),
                Addresses.parseHostPort("relay.example", 2878));
        assertEquals(InetSocketAddress.createUnresolved("relay.example", 3000),
                Addresses.parseHostPort("relay.example:3000", 2878));
        assertTrue(Addresses.parseHostPort("::ffff:192.0.2.7", 1).getAddress() instanceof Inet4Address);
    }

    @Test
    void neverAsksDnsForAName() {
        InetSocketAddress parsed = Addresses.parseHostPort("localhost:2878", 1);

        assertTrue(parsed.isUnresolved());
        assertEquals("localhost", parsed.getHostString());
    }

    @Test
    void refusesMalformedHostPorts() {
        for (String text : List.of("", "[::1", "[::1]x", "[::1]:", "host:", ":2878", "host:port", "host:70000",
                "[example.com]:1", "bad host:1", "192.0.2.7:1:2:x", "[::1]:123456")) {
            assertThrows(IllegalArgumentException.class, () -> Addresses.parseHostPort(text, 2878), text);
        }
    }

    @Test
    void parsesListenAddresses() throws Exception {
        assertEquals(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 2878),
                Addresses.parseListenAddress("2878", "0.0.0.0", 1));
        assertEquals(new InetSocketAddress(InetAddress.getByName("::"), 2878),
                Addresses.parseListenAddress("[::]:2878", "0.0.0.0", 1));
        assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 2878),
                Addresses.parseListenAddress("127.0.0.1", "0.0.0.0", 2878));
        assertEquals(0, Addresses.parseListenAddress("127.0.0.1:0", "0.0.0.0", 2878).getPort());
        assertThrows(IllegalArgumentException.class, () -> Addresses.parseListenAddress("localhost:2878", "0.0.0.0", 1));
        assertThrows(IllegalArgumentException.class, () -> Addresses.parseListenAddress("99999", "0.0.0.0", 1));
    }

    @Test
    void parsesLiteralsStrictly() {
        assertEquals("::1", Addresses.normaliseLiteral("[::1]"));
        assertEquals("::1", Addresses.normaliseLiteral("0:0:0:0:0:0:0:1"));
        assertEquals("192.0.2.7", Addresses.normaliseLiteral("::ffff:192.0.2.7"));
        assertEquals("0.0.0.0", Addresses.normaliseLiteral("0.0.0.0"));
        for (String text : List.of("1.2.3", "01.2.3.4", "1.2.3.4.5", "256.1.1.1", "localhost", "::g", "1::2::3",
                "[::1", "")) {
            assertFalse(Addresses.isLiteral(text), text);
        }
    }

    @Test
    void normalisesListenerAddresses() throws Exception {
        ListenerConfig listener = new ListenerConfig("[::]", 6619);

        assertEquals("::", listener.address());
        assertEquals(new InetSocketAddress(InetAddress.getByName("::"), 6619), listener.socketAddress());
        assertThrows(IllegalArgumentException.class, () -> new ListenerConfig("localhost", 6619));
        assertThrows(IllegalArgumentException.class, () -> new ListenerConfig("::", 65536));
    }
}
