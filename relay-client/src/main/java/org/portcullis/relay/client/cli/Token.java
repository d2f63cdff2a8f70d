package org.portcullis.relay.client.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The backend token of {@code -T}: given as the token itself or as {@code @FILE}, read verbatim from the file
 * so it stays out of {@code ps}. It is never shown: {@link #toString()} hides it, and no error message repeats it.
 */
public final class Token {
    private final String value;

    private Token(String value) {
        this.value = value;
    }

    /**
     * The token of {@code text}: the text itself, or, when it starts with {@code @}, the content of the named
     * file (UTF-8, one line; a final line break is dropped).
     *
     * @throws IllegalArgumentException naming the problem (never the token) if the token is empty, has white
     *                                  space or control characters, or the file cannot be read
     */
    public static Token parse(String text) {
        if (text.startsWith("@")) {
            Path file = Path.of(text.substring(1));
            try {
                return checked(stripLineBreak(Files.readString(file, StandardCharsets.UTF_8)), "token file " + file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the token file " + file + ": " + e, e);
            }
        }
        return checked(text, "the token");
    }

    /** The token itself, for the backend call and nothing else. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "Token[hidden]";
    }

    private static String stripLineBreak(String content) {
        if (content.endsWith("\r\n")) {
            return content.substring(0, content.length() - 2);
        }
        return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }

    private static Token checked(String token, String what) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        // A token travels in an HTTP header: white space or a second line is a mistake, not part of it.
        if (token.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException(what + " contains white space or control characters");
        }
        return new Token(token);
    }

    /** The picocli converter of {@code -T}; its message never contains the token. */
    public static final class Converter implements ITypeConverter<Token> {
        @Override
        public Token convert(String text) {
            try {
                return parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
