package org.portcullis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkRangeTest {
    @Test
    void matchesIpv4Blocks() throws Exception {
        NetworkRange range = NetworkRange.parse("192.0.2.0/24");

        assertTrue(range.contains(ip("192.0.2.0")));
        assertTrue(range.contains(ip("192.0.2.255")));
        assertFalse(range.contains(ip("192.0.3.0")));
        assertFalse(range.contains(ip("2001:db8::1")));
        assertEquals("192.0.2.0/24", range.toString());
    }

    @Test
    void matchesIpv6Blocks() throws Exception {
        NetworkRange range = NetworkRange.parse("2001:DB8:0:0::/32");

        assertTrue(range.contains(ip("2001:db8:ffff::1")));
        assertFalse(range.contains(ip("2001:db9::1")));
        assertFalse(range.contains(ip("192.0.2.1")));
        assertEquals("2001:db8::/32", range.toString());
    }

    @Test
    void matchesIpv4MappedSourcesAgainstIpv4Blocks() throws Exception {
        // A dual-stack listener may report an IPv4 peer as an Inet6Address carrying ::ffff:192.0.2.7.
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 7};
        Inet6Address source = Inet6Address.getByAddress(null, mapped, -1);

        assertTrue(NetworkRange.parse("192.0.2.0/24").contains(source));
        assertTrue(NetworkRange.parse("192.0.2.7").contains(source));
        assertFalse(NetworkRange.parse("198.51.100.0/24").contains(source));
        assertTrue(NetworkRange.parse("192.0.2.0/24").contains(ip("::ffff:192.0.2.9")));
    }

    @Test
    void readsIpv4MappedBlocksWithIpv6PrefixLengths() throws Exception {
        NetworkRange range = NetworkRange.parse("::ffff:192.0.2.0/120");

        assertEquals("192.0.2.0/24", range.toString());
        assertTrue(range.contains(ip("192.0.2.200")));
        assertThrows(IllegalArgumentException.class, () -> NetworkRange.parse("::ffff:192.0.2.0/24"));
    }

    @Test
    void treatsSingleAddressesAsFullPrefixes() throws Exception {
        assertEquals(32, NetworkRange.parse("198.51.100.7").prefixLength());
        assertEquals(128, NetworkRange.parse("2001:db8::7").prefixLength());
        assertTrue(NetworkRange.parse("2001:db8::7").contains(ip("2001:db8:0::7")));
        assertFalse(NetworkRange.parse("2001:db8::7").contains(ip("2001:db8::8")));
    }

    @Test
    void matchesEverythingOfAFamilyWithPrefixZero() throws Exception {
        assertTrue(NetworkRange.parse("0.0.0.0/0").contains(ip("203.0.113.9")));
        assertTrue(NetworkRange.parse("::/0").contains(ip("2001:db8::1")));
        assertFalse(NetworkRange.parse("::/0").contains(ip("203.0.113.9")));
    }

    @Test
    void refusesMalformedRanges() {
        for (String text : List.of("192.0.2.0/33", "2001:db8::/129", "192.0.2.1/24", "192.0.2.0/", "/8", "host/8",
                "192.0.2.0/a", "1.2.3", "")) {
            assertThrows(IllegalArgumentException.class, () -> NetworkRange.parse(text), text);
        }
        assertEquals("\"192.0.2.1/24\" has host bits set; the network is 192.0.2.0/24",
                assertThrows(IllegalArgumentException.class, () -> NetworkRange.parse("192.0.2.1/24")).getMessage());
    }

    @Test
    void comparesByNetwork() {
        assertEquals(NetworkRange.parse("192.0.2.0/24"), NetworkRange.parse("192.0.2.0/24"));
        assertEquals(NetworkRange.parse("2001:db8::/32").hashCode(), NetworkRange.parse("2001:0db8::/32").hashCode());
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
