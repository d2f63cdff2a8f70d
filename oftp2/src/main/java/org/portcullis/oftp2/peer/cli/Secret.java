package org.portcullis.oftp2.peer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an SSID password (RFC 5024 §5.3.2 SSIDPSWD) given on the command line, or from a file with
 * {@code @FILE} (its first line), so it need not appear in the process list.
 */
final class Secret implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        if (!value.startsWith("@")) {
            return value;
        }
        Path file = Path.of(value.substring(1));
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            return (end < 0 ? content : content.substring(0, end)).strip();
        } catch (IOException | UncheckedIOException e) {
            throw new TypeConversionException("cannot read the password file " + file + ": " + e.getMessage());
        }
    }
}
