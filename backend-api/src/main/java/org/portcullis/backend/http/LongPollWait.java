package org.portcullis.backend.http;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code wait} parameter of a long-poll: "55s", "55" (seconds), "1m" or "500ms", capped at the maximum. */
final class LongPollWait {
    private static final Pattern FORM = Pattern.compile("(\\d{1,7})(ms|s|m)?");

    private LongPollWait() {
    }

    /**
     * The wait asked for, at most {@code max}; zero if the parameter is absent.
     *
     * @throws IllegalArgumentException if it is not a duration of that form
     */
    static Duration parse(String text, Duration max) {
        if (text == null) {
            return Duration.ZERO;
        }
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("wait must be a duration like 55s, 55, 1m or 500ms, not \"" + text
                    + "\"");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration wait = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
