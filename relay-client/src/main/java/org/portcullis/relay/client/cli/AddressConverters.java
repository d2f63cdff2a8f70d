package org.portcullis.relay.client.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.portcullis.config.Addresses;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The picocli converters of the address options; IPv6 literals go in brackets next to a port. */
public final class AddressConverters {
    /** The link port of relay-server when {@code -S} names none. */
    public static final int DEFAULT_SERVER_PORT = 2878;

    private AddressConverters() {
    }

    /** {@code -S host[:port]}, {@code 192.0.2.7:2878}, {@code [2001:db8::1]:2878}; names stay unresolved. */
    public static final class Server implements ITypeConverter<InetSocketAddress> {
        @Override
        public InetSocketAddress convert(String text) {
            try {
                return Addresses.parseHostPort(text, DEFAULT_SERVER_PORT);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code -o 192.0.2.7} or {@code -o 2001:db8::1}: an IP literal, never a name to look up. */
    public static final class IpLiteral implements ITypeConverter<InetAddress> {
        @Override
        public InetAddress convert(String text) {
            try {
                return Addresses.parseLiteral(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
