package org.portcullis.link.mux;

import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Formats a peer's address for log lines: {@code 192.0.2.7:2878} or {@code [2001:db8::1]:2878}. */
public final class PeerAddress {

    private PeerAddress() {
    }

    public static String format(SocketAddress address) {
        if (!(address instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return String.valueOf(address);
        }
        // The JDK already reports IPv4-mapped IPv6 peers as Inet4Address, so they print as plain IPv4; IPv6 prints
        // in its short form (RFC 5952), ::1 rather than 0:0:0:0:0:0:0:1.
        String host = NetUtil.toAddressString(inet.getAddress());
        return (inet.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
}
