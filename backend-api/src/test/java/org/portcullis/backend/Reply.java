package org.portcullis.backend;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP response as a test sees it.
 *
 * @param code the status code
 * @param headers the first value of each header, names in lower case
 * @param body the body, empty if none
 */
public record Reply(int code, Map<String, String> headers, byte[] body) {
    /** A header, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
