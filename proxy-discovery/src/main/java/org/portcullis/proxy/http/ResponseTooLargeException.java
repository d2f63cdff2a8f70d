package org.portcullis.proxy.http;

import java.io.IOException;

/**
 * The backend answered, but with a body over {@link OutboundSettings#maxBodyBytes()}: the body was read no further
 * than the limit and its connection dropped. The route works; only this answer is unusable.
 */
public final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(int limit) {
        super("the backend's response body is over " + limit + " bytes");
    }
}
