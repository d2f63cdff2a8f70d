package org.portcullis.daemon;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration as an operator writes it: {@code 500ms}, {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}, a bare number
 * of seconds ({@code 60}) or ISO-8601 ({@code PT1M}).
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)?");

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /**
     * A duration of zero or more.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Duration parse(String text) {
        Matcher match = SHORT.matcher(text);
        if (match.matches()) {
            long amount = Long.parseLong(match.group(1));
            return switch (match.group(2) == null ? "s" : match.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            Duration duration = Duration.parse(text);
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // Reported below.
        }
        throw new IllegalArgumentException("not a duration: " + text + " (e.g. 90s, 10m, 2h, PT10M)");
    }
}
