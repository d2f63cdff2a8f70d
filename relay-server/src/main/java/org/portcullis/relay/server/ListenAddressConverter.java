package org.portcullis.relay.server;

import java.net.InetSocketAddress;
import org.portcullis.config.Addresses;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code -i [IP:]PORT}: "2878", "127.0.0.1:2878", "[::]:2878"; the address must be an IP literal. */
final class ListenAddressConverter implements ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String value) {
        try {
            return Addresses.parseListenAddress(value, "0.0.0.0", RelayServerSettings.DEFAULT_LINK_PORT);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
