package org.portcullis.backend.event;

import java.time.Instant;
import java.util.Objects;

/**
 * An event to tell the operator about: reported by a relay ({@code POST /v1/events}) or raised by the backend
 * itself (relay "backend-api"). Text fields carry no control characters (they are replaced by spaces), so they
 * are safe in a log line, an argument and an environment variable.
 *
 * @param relay the relay that reports it, as it names itself (1-100 characters)
 * @param severity how bad it is
 * @param message what happened (up to {@value #MAX_MESSAGE} characters)
 * @param time when it happened
 * @param source who delivered it: the name of the token the relay used, or "backend-api"
 */
public record Event(String relay, Severity severity, String message, Instant time, String source) {
    /** The longest message kept; longer ones are cut. */
    public static final int MAX_MESSAGE = 4000;
    /** The relay name of events the backend raises itself. */
    public static final String BACKEND = "backend-api";

    /** Cleans the text fields. */
    public Event {
        relay = clean(Objects.requireNonNull(relay, "relay"), 100);
        Objects.requireNonNull(severity, "severity");
        message = clean(Objects.requireNonNull(message, "message"), MAX_MESSAGE);
        Objects.requireNonNull(time, "time");
        source = clean(Objects.requireNonNull(source, "source"), 100);
    }

    /** An event the backend raises about itself, now. */
    public static Event backend(Severity severity, String message) {
        return new Event(BACKEND, severity, message, Instant.now(), BACKEND);
    }

    private static String clean(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) : text;
        StringBuilder clean = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.toString();
    }
}
