package org.portcullis.proxy.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.portcullis.proxy.Route;

/**
 * The backend's answer, whatever its status (a 401 or 500 from the backend is an answer, not a route
 * failure), and the route it came by.
 *
 * @param status  the HTTP status
 * @param headers the response headers, names in lower case, repeated headers joined with {@code ", "}
 * @param body    the body, empty for a {@code 304}
 * @param route   the route the call went by
 */
public record OutboundResponse(int status, Map<String, String> headers, byte[] body, Route route) {

    public OutboundResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** A header's value by name (any case). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The entity tag, to send back as {@code If-None-Match}. */
    public Optional<String> etag() {
        return header("ETag");
    }

    /** Whether the document is unchanged ({@code 304 Not Modified}). */
    public boolean notModified() {
        return status == 304;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutboundResponse that && status == that.status && headers.equals(that.headers)
                && Arrays.equals(body, that.body) && route.equals(that.route);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body), route);
    }

    @Override
    public String toString() {
        return "OutboundResponse[" + status + ", " + body.length + " bytes, via " + route + "]";
    }
}
