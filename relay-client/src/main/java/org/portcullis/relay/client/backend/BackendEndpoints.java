package org.portcullis.relay.client.backend;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The backend's URIs (docs/backend-api.md), all from {@code -U}: the configuration ({@code GET /v1/config}) and,
 * beside it, {@code POST crl-urls} and {@code POST events}. {@code -U https://backend:8443} means
 * {@code https://backend:8443/v1/config}; a longer path (a backend mounted under a prefix) is kept as given.
 *
 * @param config  the configuration document
 * @param crlUrls where CRL distribution points go
 * @param events  where events go
 */
public record BackendEndpoints(URI config, URI crlUrls, URI events) {
    /** The configuration's path when {@code -U} names only the backend. */
    public static final String CONFIG_PATH = "/v1/config";

    public BackendEndpoints {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(crlUrls, "crlUrls");
        Objects.requireNonNull(events, "events");
    }

    /**
     * The endpoints of the {@code -U} URL.
     *
     * @throws IllegalArgumentException unless it is an https URL with a host (the token and the configuration's
     *                                  private keys never travel in clear), without user information or fragment
     */
    public static BackendEndpoints of(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            throw new IllegalArgumentException("the backend URL must be https://… (the token and the configuration's "
                    + "keys travel over it): " + safe(url));
        }
        if (url.getHost() == null || url.getRawUserInfo() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("the backend URL needs a host and no user or fragment: " + safe(url));
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/")
                ? CONFIG_PATH : url.getRawPath();
        URI config = URI.create("https://" + url.getRawAuthority() + path
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
        return new BackendEndpoints(config, config.resolve("crl-urls"), config.resolve("events"));
    }

    /** The configuration URI of a long poll: the backend holds an unchanged answer up to {@code wait}. */
    public URI configWaiting(Duration wait) {
        long millis = wait.toMillis();
        String query = "wait=" + (millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms");
        return URI.create(display() + "?" + (config.getRawQuery() == null ? "" : config.getRawQuery() + "&") + query);
    }

    /** How logs and status show the backend: the configuration URI without its query. */
    public String display() {
        return "https://" + config.getRawAuthority() + config.getRawPath();
    }

    /** A URL as an error message may show it: never its user information (a password could be in it). */
    private static String safe(URI url) {
        return url.getRawUserInfo() == null ? url.toString() : url.toString().replace(url.getRawUserInfo() + "@", "");
    }
}
