package org.portcullis.proxy;

import java.net.URI;
import java.util.Locale;

/**
 * Where a call goes, as discovery sees it: scheme, host and port of the backend.
 *
 * @param secure whether the scheme is https
 * @param host   the host as in the URI, IPv6 without brackets
 * @param port   the port, the scheme's default when the URI has none
 */
public record Target(boolean secure, String host, int port) {

    /**
     * The target of an http or https URI.
     *
     * @throws IllegalArgumentException for another scheme or a URI without a host
     */
    public static Target of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("not an http or https URI: " + uri.getScheme());
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("URI without a host");
        }
        boolean secure = scheme.equals("https");
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        return new Target(secure, host.toLowerCase(Locale.ROOT), port);
    }

    /** {@code host:port}, IPv6 in brackets: the CONNECT authority and the state file's key. */
    public String authority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return authority();
    }
}
