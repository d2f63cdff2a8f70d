package org.portcullis.relay.client.backend;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.portcullis.proxy.http.OutboundClient;
import org.portcullis.proxy.http.OutboundRequest;
import org.portcullis.proxy.http.OutboundResponse;
import org.portcullis.relay.client.cli.Token;

/**
 * The backend's three calls (docs/backend-api.md), each with the token, over the one {@link OutboundClient} and so
 * through proxy discovery and one pool of kept-alive connections. Thread-safe.
 */
final class BackendApi {
    /** The longest wait a backend's {@code Retry-After} may ask for. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    private final BackendEndpoints endpoints;
    private final String authorization;
    private final OutboundClient client;
    /** The longest silence of a connection when no long poll holds it. */
    private final Duration socketTimeout;

    BackendApi(BackendEndpoints endpoints, Token token, OutboundClient client, Duration socketTimeout) {
        this.endpoints = endpoints;
        this.authorization = "Bearer " + token.value();
        this.client = client;
        this.socketTimeout = socketTimeout;
    }

    /**
     * {@code GET /v1/config}: {@code 304} when the document still has {@code etag}; with a wait, the backend holds
     * an unchanged answer that long (the response may then take the wait plus the usual socket timeout).
     *
     * @param etag the entity tag of the document last received, or null
     * @param wait how long the backend may hold the answer, zero for none
     */
    OutboundResponse fetchConfig(String etag, Duration wait) throws IOException {
        OutboundRequest request = wait.isZero() ? OutboundRequest.get(endpoints.config())
                : OutboundRequest.get(endpoints.configWaiting(wait)).withResponseTimeout(wait.plus(socketTimeout));
        return client.execute(request.withHeader("Authorization", authorization).ifNoneMatch(etag));
    }

    /** {@code POST} of a JSON body to one of the backend's endpoints. */
    OutboundResponse post(URI uri, String json) throws IOException {
        return client.execute(OutboundRequest.postJson(uri, json).withHeader("Authorization", authorization));
    }

    /** The wait an answer's {@code Retry-After: <seconds>} asks for (at most 10 minutes), or null without one. */
    static Duration retryAfter(OutboundResponse response) {
        Optional<String> header = response.header("Retry-After").map(String::strip);
        if (header.isEmpty() || !header.get().matches("\\d{1,9}")) {
            return null;
        }
        Duration asked = Duration.ofSeconds(Long.parseLong(header.get()));
        return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
    }

    BackendEndpoints endpoints() {
        return endpoints;
    }

    OutboundClient client() {
        return client;
    }
}
