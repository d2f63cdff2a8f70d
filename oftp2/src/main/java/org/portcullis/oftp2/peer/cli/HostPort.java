package org.portcullis.oftp2.peer.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code HOST:PORT} for the peer's TCP address (RFC 5024 §2.3, ports 3305 and 6619 by convention);
 * an IPv6 literal goes in brackets, {@code [::1]:6619}. Port 0 asks for any free port when listening.
 */
final class HostPort implements ITypeConverter<InetSocketAddress> {

    @Override
    public InetSocketAddress convert(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new TypeConversionException("'" + value + "' is not HOST:PORT");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new TypeConversionException("'" + value + "': put an IPv6 address in brackets, [::1]:PORT");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "': the port is not a number");
        }
        if (port < 0 || port > 65_535 || host.isEmpty()) {
            throw new TypeConversionException("'" + value + "': the port must be 0..65535 after a host");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new TypeConversionException("'" + value + "': unknown host " + host);
        }
        return address;
    }

    /** {@code HOST:PORT} as the other direction writes it, with brackets around an IPv6 literal. */
    static String format(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
