package org.portcullis.license;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The signed part of a license file: one {@code name: value} line per field, the known fields in a fixed order,
 * then other fields by name, each line ending in LF, UTF-8. Exactly one text is the canonical form of a license,
 * and the parser accepts that text only.
 */
final class LicenseFields {
    /** The value of the first line, naming this format. */
    static final String FORMAT = "portcullis-license-1";
    static final String UNLIMITED = "unlimited";

    /** The known fields in the order they are written. */
    private static final List<String> ORDER = List.of("format", "licensee", "proxy-id", "issued", "not-before",
            "expires", "max-sessions");
    private static final String SEPARATOR = ": ";

    private LicenseFields() {
    }

    /** The canonical form of the license: what is signed. */
    static byte[] canonical(License license) {
        StringBuilder text = new StringBuilder();
        line(text, "format", FORMAT);
        line(text, "licensee", license.licensee());
        line(text, "proxy-id", license.proxyId().value());
        line(text, "issued", license.issued().toString());
        line(text, "not-before", license.notBefore().toString());
        line(text, "expires", license.expires().toString());
        OptionalInt max = license.maxSessions();
        line(text, "max-sessions", max.isPresent() ? Integer.toString(max.getAsInt()) : UNLIMITED);
        license.otherFields().forEach((name, value) -> line(text, name, value));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The license whose canonical form is {@code body}.
     *
     * @throws LicenseException {@link LicenseProblem#MALFORMED} saying which line is wrong
     */
    static License parse(byte[] body) throws LicenseException {
        String[] lines = decode(body).split("\n", -1);
        // The body ends with LF, so the last element is the empty rest after it.
        if (lines.length < ORDER.size() + 1 || !lines[lines.length - 1].isEmpty()) {
            throw malformed("expected the fields " + String.join(", ", ORDER) + " each on its own line");
        }
        String[] values = new String[ORDER.size()];
        for (int i = 0; i < ORDER.size(); i++) {
            values[i] = value(lines[i], ORDER.get(i), i + 1);
        }
        if (!FORMAT.equals(values[0])) {
            throw malformed("line 1: format '" + values[0] + "' is not " + FORMAT);
        }
        SortedMap<String, String> others = otherFields(Arrays.copyOfRange(lines, ORDER.size(), lines.length - 1));
        License license;
        try {
            license = new License(values[1], new ProxyId(values[2]), date("issued", values[3]),
                    date("not-before", values[4]), date("expires", values[5]), maxSessions(values[6]), others);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
        if (!Arrays.equals(canonical(license), body)) {
            throw malformed("the fields are not written in the one canonical form");
        }
        return license;
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(name).append(SEPARATOR).append(value).append('\n');
    }

    private static String decode(byte[] body) throws LicenseException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("not UTF-8 text");
        }
    }

    private static String value(String line, String name, int number) throws LicenseException {
        if (!line.startsWith(name + SEPARATOR)) {
            throw malformed("line " + number + ": expected '" + name + SEPARATOR + "...'");
        }
        return line.substring(name.length() + SEPARATOR.length());
    }

    private static SortedMap<String, String> otherFields(String[] lines) throws LicenseException {
        SortedMap<String, String> fields = new TreeMap<>();
        String previous = "";
        for (int i = 0; i < lines.length; i++) {
            int number = ORDER.size() + i + 1;
            int colon = lines[i].indexOf(SEPARATOR);
            if (colon < 1) {
                throw malformed("line " + number + ": expected 'name: value'");
            }
            String name = lines[i].substring(0, colon);
            if (name.compareTo(previous) <= 0) {
                throw malformed("line " + number + ": field " + name + " is out of order or repeated");
            }
            fields.put(name, lines[i].substring(colon + SEPARATOR.length()));
            previous = name;
        }
        return fields;
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a date YYYY-MM-DD");
        }
    }

    private static OptionalInt maxSessions(String value) {
        if (UNLIMITED.equals(value)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("max-sessions '" + value + "' is neither a number nor " + UNLIMITED);
        }
    }

    private static LicenseException malformed(String detail) {
        return new LicenseException(LicenseProblem.MALFORMED, "malformed: " + detail);
    }
}
