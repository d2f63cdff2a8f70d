package org.portcullis.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP CONNECT proxy: {@code http://[user:password@]host[:port]}, or {@code https://...} when the
 * connection to the proxy itself is TLS. {@link #toString()} and every log line leave the credentials out.
 *
 * @param tls      whether the proxy is spoken to over TLS ({@code https://})
 * @param host     the proxy's host name or IP literal (IPv6 without brackets)
 * @param port     its port
 * @param username the user for Basic proxy authentication, or null for none
 * @param password the password, or null for none
 */
public record ProxyEndpoint(boolean tls, String host, int port, String username, String password) {
    /** curl's default proxy port when an {@code http://} proxy names none. */
    public static final int DEFAULT_HTTP_PORT = 1080;
    /** The default port of an {@code https://} proxy. */
    public static final int DEFAULT_HTTPS_PORT = 443;

    public ProxyEndpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("proxy without a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port " + port + " outside 1..65535");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("proxy credentials need both a user and a password");
        }
    }

    /** A proxy without credentials. */
    public static ProxyEndpoint of(boolean tls, String host, int port) {
        return new ProxyEndpoint(tls, host, port, null, null);
    }

    /**
     * Parses a proxy URI. A value without a scheme ({@code host:port}, as environment variables often hold)
     * is an {@code http://} proxy; credentials may be percent-encoded.
     *
     * @throws IllegalArgumentException if it is not an http or https proxy URI with a host
     */
    public static ProxyEndpoint parse(String text) {
        String value = text.strip();
        if (!value.contains("://")) {
            value = "http://" + value;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a proxy URI: " + redact(text), e);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("proxy scheme " + scheme + " is not supported (http or https): "
                    + redact(text));
        }
        String path = uri.getRawPath();
        if (uri.getHost() == null || (path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("a proxy URI is scheme://[user:password@]host[:port]: " + redact(text));
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() < 0 ? (tls ? DEFAULT_HTTPS_PORT : DEFAULT_HTTP_PORT) : uri.getPort();
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return of(tls, host, port);
        }
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        return new ProxyEndpoint(tls, host, port, user, password);
    }

    /** Whether Basic credentials go to this proxy. */
    public boolean hasCredentials() {
        return username != null;
    }

    /** {@code host:port}, IPv6 in brackets. */
    public String authority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The proxy without credentials as a URI: what the state file keeps and logs show. */
    public String address() {
        return (tls ? "https://" : "http://") + authority();
    }

    /** Whether both name the same proxy (scheme, host and port), whatever the credentials. */
    public boolean sameProxy(ProxyEndpoint other) {
        return tls == other.tls && port == other.port && host.equalsIgnoreCase(other.host);
    }

    /** The proxy as logs name it: {@code host:port}, with {@code https://} in front for TLS proxies. */
    @Override
    public String toString() {
        return tls ? address() : authority();
    }

    /** The text with any user information cut out, for error messages. */
    static String redact(String text) {
        return text.strip().replaceAll("^([A-Za-z][A-Za-z0-9+.-]*://)?[^@/]*@", "$1***@");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
