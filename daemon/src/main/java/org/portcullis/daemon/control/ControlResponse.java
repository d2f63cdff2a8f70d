package org.portcullis.daemon.control;

/**
 * The answer to one control request: on the wire a line {@code OK} or {@code ERROR <message>}, then the body.
 *
 * @param ok      whether the request was carried out
 * @param message why not, when not; empty when it was
 * @param body    the lines of the answer, each ending with a newline (may be empty)
 */
public record ControlResponse(boolean ok, String message, String body) {

    public static ControlResponse ok(String body) {
        return new ControlResponse(true, "", body);
    }

    public static ControlResponse error(String message) {
        return new ControlResponse(false, message, "");
    }

    /** The answer as sent. */
    public String wire() {
        return (ok ? "OK" : "ERROR " + message) + "\n" + body;
    }

    /**
     * Reads an answer as received.
     *
     * @throws IllegalArgumentException when it does not start with an OK or ERROR line
     */
    public static ControlResponse parse(String wire) {
        int end = wire.indexOf('\n');
        String status = end < 0 ? wire : wire.substring(0, end);
        String body = end < 0 ? "" : wire.substring(end + 1);
        if (status.equals("OK")) {
            return new ControlResponse(true, "", body);
        }
        if (status.startsWith("ERROR ")) {
            return new ControlResponse(false, status.substring("ERROR ".length()), body);
        }
        throw new IllegalArgumentException(wire.isEmpty() ? "no answer" : "not an answer: " + status);
    }
}
