package org.portcullis.proxy.http;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Takes the route of each call from its context, where {@link RouteAttempt} put the route that discovery
 * chose, so HttpClient never picks a proxy of its own (no system properties, no ProxySelector).
 */
final class ChosenRoutePlanner implements HttpRoutePlanner {
    /** The context attribute holding the {@link HttpRoute}. */
    static final String ROUTE = "org.portcullis.proxy.route";

    @Override
    public HttpRoute determineRoute(HttpHost target, HttpContext context) throws HttpException {
        if (context.getAttribute(ROUTE) instanceof HttpRoute route && route.getTargetHost().equals(target)) {
            return route;
        }
        throw new HttpException("no route chosen for " + target);
    }
}
