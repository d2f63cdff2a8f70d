package org.portcullis.license.cli;

import org.portcullis.license.ProxyId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a Proxy ID option, lower-case hex digits too. */
final class ProxyIdConverter implements ITypeConverter<ProxyId> {
    @Override
    public ProxyId convert(String value) {
        try {
            return ProxyId.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
