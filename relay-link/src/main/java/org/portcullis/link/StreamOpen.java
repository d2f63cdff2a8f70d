package org.portcullis.link;

import java.util.Objects;

/**
 * The metadata sent with the frame that opens a link stream; validated on receipt.
 *
 * @param kind        which way the session goes (required)
 * @param sessionId   the relay's session id, used in every log line of both daemons (required)
 * @param odetteId    the partner's Odette ID once known, or null
 * @param routeName   the outgoing route's name, or null
 * @param peerAddress the partner's address as text, or null
 */
public record StreamOpen(StreamKind kind, String sessionId, String odetteId, String routeName, String peerAddress) {

    /** Longest value of any text field, in characters. */
    public static final int MAX_FIELD_LENGTH = 256;

    public StreamOpen {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sessionId, "sessionId");
        check("sessionId", sessionId);
        check("odetteId", odetteId);
        check("routeName", routeName);
        check("peerAddress", peerAddress);
        if (sessionId.isEmpty()) {
            throw new LinkException("stream open: sessionId is empty");
        }
    }

    private static void check(String field, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_FIELD_LENGTH) {
            throw new LinkException("stream open: " + field + " longer than " + MAX_FIELD_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new LinkException("stream open: " + field + " contains a control character");
            }
        }
    }
}
