package org.portcullis.daemon.control;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Where a control port listens, {@code --control [IP:]PORT}: a loopback address only (127.0.0.0/8 or ::1, IPv6
 * in brackets), 127.0.0.1 when only a port is given; port 0 takes any free port. Any other address is refused,
 * so the control port can never be reached from the network.
 *
 * @param socketAddress a loopback address and a port
 */
public record ControlAddress(InetSocketAddress socketAddress) {

    public ControlAddress {
        Objects.requireNonNull(socketAddress, "socketAddress");
        if (socketAddress.isUnresolved() || !socketAddress.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the control port listens on loopback only (127.0.0.1 or [::1]), not "
                    + socketAddress);
        }
    }

    /**
     * @throws TypeConversionException naming what is wrong
     */
    public static ControlAddress parse(String value) {
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "" : value.substring(0, colon);
        String port = value.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new TypeConversionException("'" + value + "': an IPv6 address goes in brackets, e.g. [::1]:9878");
        }
        InetAddress address = host.isEmpty() ? InetAddress.getLoopbackAddress() : literal(host, value);
        if (!address.isLoopbackAddress()) {
            throw new TypeConversionException("'" + value + "': the control port listens on loopback only "
                    + "(127.0.0.1 or [::1])");
        }
        return new ControlAddress(new InetSocketAddress(address, port(port, value)));
    }

    /** An IP literal; names are refused (no lookup: a name could resolve to anything). */
    private static InetAddress literal(String host, String value) {
        if (!host.matches("[0-9.]+|[0-9a-fA-F:.]+")) {
            throw new TypeConversionException("'" + value + "': give an IP address, not a name");
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new TypeConversionException("'" + value + "': not an IP address");
        }
    }

    private static int port(String port, String value) {
        try {
            int number = Integer.parseInt(port);
            if (number >= 0 && number <= 65_535) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the value.
        }
        throw new TypeConversionException("'" + value + "': not a port (0 to 65535)");
    }

    /** The form {@code --control} takes and the control file holds: {@code 127.0.0.1:9878}, {@code [::1]:9878}. */
    @Override
    public String toString() {
        String host = socketAddress.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + socketAddress.getPort();
    }

    /** picocli's converter for {@code --control}. */
    public static final class Converter implements ITypeConverter<ControlAddress> {
        @Override
        public ControlAddress convert(String value) {
            return parse(value);
        }
    }
}
