package org.portcullis.proxy.http;

import org.portcullis.proxy.ProxyEndpoint;

/**
 * Something about a proxy an operator must fix: it refused our credentials, or its policy refused the
 * backend's host. Discovery moves on to the next route either way; the alert says why.
 *
 * @param kind   what went wrong
 * @param proxy  the proxy (its text never shows credentials)
 * @param host   the backend host it was asked to reach
 * @param status the proxy's answer to CONNECT
 */
public record ProxyAlert(Kind kind, ProxyEndpoint proxy, String host, int status) {

    /** The kinds of alert. */
    public enum Kind {
        /** 407, or a 401 on CONNECT: the proxy wants other (or any) credentials. */
        PROXY_AUTHENTICATION,
        /** 403 on CONNECT: the proxy's policy does not let us reach the host. */
        PROXY_POLICY
    }

    /** One line for the log and the status output. */
    public String message() {
        return switch (kind) {
            case PROXY_AUTHENTICATION -> "proxy " + proxy + " refused our credentials (" + status + " on CONNECT to "
                    + host + ")" + (proxy.hasCredentials() ? "" : "; none are configured for it");
            case PROXY_POLICY -> "proxy " + proxy + " refused to connect to " + host + " (" + status
                    + " on CONNECT): its allow-list or policy blocks the backend";
        };
    }

    @Override
    public String toString() {
        return message();
    }
}
