package org.portcullis.link;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message on the link's control channel: a type and a body of UTF-8 JSON or text, at most {@link #MAX_BODY} octets.
 *
 * @param type what the message carries
 * @param body the UTF-8 octets (not copied: do not modify after construction)
 */
public record ControlMessage(ControlType type, byte[] body) {

    /** Largest body: a configuration document can be large. */
    public static final int MAX_BODY = 8 * 1024 * 1024;

    public ControlMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        if (body.length > MAX_BODY) {
            throw new LinkException("control message " + type + " of " + body.length + " octets exceeds " + MAX_BODY);
        }
    }

    /** A message whose body is the UTF-8 encoding of {@code text}. */
    public static ControlMessage of(ControlType type, String text) {
        return new ControlMessage(type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The body decoded as UTF-8. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // Never the body: a configuration carries password hashes and keys.
        return "ControlMessage[" + type + ", " + body.length + " octets]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ControlMessage m && m.type == type && Arrays.equals(m.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(body);
    }
}
