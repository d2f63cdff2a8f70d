package org.portcullis.proxy.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call to the backend: GET or POST, its headers (an {@code Authorization} header is sent, never logged)
 * and body.
 *
 * @param method          {@code GET} or {@code POST}
 * @param uri             the https (or http) URI
 * @param headers         request headers in order
 * @param body            the body, empty for GET
 * @param contentType     the body's media type, or null without a body
 * @param responseTimeout the longest wait for the response, or null for the client's socket timeout (a long
 *                        poll asks for more than the backend holds the request)
 */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, byte[] body, String contentType,
        Duration responseTimeout) {

    public OutboundRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body.clone();
    }

    /** A GET of the URI. */
    public static OutboundRequest get(URI uri) {
        return new OutboundRequest("GET", uri, Map.of(), new byte[0], null, null);
    }

    /** A POST of a JSON document. */
    public static OutboundRequest postJson(URI uri, String json) {
        return new OutboundRequest("POST", uri, Map.of(), json.getBytes(StandardCharsets.UTF_8),
                "application/json", null);
    }

    /** The same with one more header (replacing one of the same name). */
    public OutboundRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new OutboundRequest(method, uri, more, body, contentType, responseTimeout);
    }

    /** The same asking for a {@code 304} if the document still has this entity tag; null asks for none. */
    public OutboundRequest ifNoneMatch(String etag) {
        return etag == null ? this : withHeader("If-None-Match", etag);
    }

    /** The same with a longer (or shorter) wait for the response. */
    public OutboundRequest withResponseTimeout(Duration timeout) {
        return new OutboundRequest(method, uri, headers, body, contentType, timeout);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Headers may carry the backend token, so only their names are shown. */
    @Override
    public String toString() {
        return method + " " + uri + " " + headers.keySet();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutboundRequest that && method.equals(that.method) && uri.equals(that.uri)
                && headers.equals(that.headers) && Arrays.equals(body, that.body)
                && Objects.equals(contentType, that.contentType) && Objects.equals(responseTimeout, that.responseTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, Arrays.hashCode(body), contentType, responseTimeout);
    }
}
