package org.portcullis.proxy.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.RouteInfo.LayerType;
import org.apache.hc.client5.http.RouteInfo.TunnelType;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.portcullis.proxy.ProxyEndpoint;
import org.portcullis.proxy.Route;
import org.portcullis.proxy.Target;

/**
 * One call over one route, classified (PROXIES.md §2.4): the backend answered (any status), or the route
 * failed: a connect-level failure, the proxy's own refusal of CONNECT (407 or 401: credentials, with an
 * alert; 403: policy, with an alert; anything else), or a connection that broke or stayed silent.
 */
final class RouteAttempt {
    private final CloseableHttpClient http;
    private final RequestConfig defaults;
    private final int maxBodyBytes;

    RouteAttempt(CloseableHttpClient http, RequestConfig defaults, int maxBodyBytes) {
        this.http = http;
        this.defaults = defaults;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * How one attempt ended.
     *
     * @param response the backend's answer, or null when the route failed
     * @param failure  why the route failed (for the log), or null
     * @param alert    what an operator must fix about the proxy, or null
     * @param took     how long the attempt took
     * @param dropped  whether a connection that stood broke, not by a timeout (a kept-alive one the far end
     *                 had closed, say)
     */
    record Result(OutboundResponse response, String failure, ProxyAlert alert, Duration took, boolean dropped) {
        boolean reachedBackend() {
            return response != null;
        }
    }

    Result run(Route route, Target target, OutboundRequest request) throws ResponseTooLargeException {
        HttpClientContext context = context(route, target, request);
        long start = System.nanoTime();
        try {
            Captured captured = http.execute(classicRequest(request), context, this::capture);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            boolean connected = Boolean.TRUE.equals(context.getAttribute(BackendConnectedMark.CONNECTED));
            if (route.isDirect() || connected) {
                return new Result(new OutboundResponse(captured.status, captured.headers, captured.body, route),
                        null, null, took, false);
            }
            return refusedConnect(route.proxy(), target, captured.status, took);
        } catch (ResponseTooLargeException e) {
            throw e;
        } catch (IOException e) {
            boolean connected = Boolean.TRUE.equals(context.getAttribute(BackendConnectedMark.CONNECTED));
            boolean dropped = connected && !(e instanceof SocketTimeoutException);
            return new Result(null, describe(e, connected), null, Duration.ofNanos(System.nanoTime() - start), dropped);
        }
    }

    private static Result refusedConnect(ProxyEndpoint proxy, Target target, int status, Duration took) {
        if (status == 407 || status == 401) {
            return new Result(null, status + " on CONNECT: proxy authentication failed",
                    new ProxyAlert(ProxyAlert.Kind.PROXY_AUTHENTICATION, proxy, target.host(), status), took, false);
        }
        if (status == 403) {
            return new Result(null, "403 on CONNECT to " + target.authority() + ": refused by the proxy's policy",
                    new ProxyAlert(ProxyAlert.Kind.PROXY_POLICY, proxy, target.host(), status), took, false);
        }
        return new Result(null, status + " on CONNECT to " + target.authority(), null, took, false);
    }

    private static String describe(IOException e, boolean connected) {
        if (e instanceof ConnectTimeoutException) {
            return "connect timed out";
        }
        if (e instanceof ConnectException) {
            return "refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "unreachable";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof SocketTimeoutException) {
            return connected ? "no response from the backend in time" : "no answer in time";
        }
        if (e instanceof SSLException) {
            return "TLS failed: " + e.getMessage();
        }
        return (connected ? "connection to the backend failed: " : "failed: ") + e;
    }

    private HttpClientContext context(Route route, Target target, OutboundRequest request) {
        HttpHost backend = new HttpHost(target.secure() ? "https" : "http", target.host(), target.port());
        HttpClientContext context = HttpClientContext.create();
        RequestConfig.Builder config = RequestConfig.copy(defaults);
        if (request.responseTimeout() != null) {
            config.setResponseTimeout(Timeout.of(request.responseTimeout()));
        }
        context.setRequestConfig(config.build());
        if (route.isDirect()) {
            context.setAttribute(ChosenRoutePlanner.ROUTE, new HttpRoute(backend, null, target.secure()));
            return context;
        }
        ProxyEndpoint proxy = route.proxy();
        HttpHost proxyHost = new HttpHost(proxy.tls() ? "https" : "http", proxy.host(), proxy.port());
        // Always a tunnel, even to an http backend: the proxy then answers only CONNECT, which keeps the
        // proxy's own replies apart from the backend's.
        context.setAttribute(ChosenRoutePlanner.ROUTE, new HttpRoute(backend, null, proxyHost, target.secure(),
                TunnelType.TUNNELLED, target.secure() ? LayerType.LAYERED : LayerType.PLAIN));
        if (proxy.hasCredentials()) {
            UsernamePasswordCredentials credentials =
                    new UsernamePasswordCredentials(proxy.username(), proxy.password().toCharArray());
            // Preemptive Basic: the first CONNECT carries the credentials, saving a 407 round trip.
            BasicScheme basic = new BasicScheme();
            basic.initPreemptive(credentials);
            BasicAuthCache cache = new BasicAuthCache();
            cache.put(proxyHost, basic);
            context.setAuthCache(cache);
            context.setCredentialsProvider(CredentialsProviderBuilder.create()
                    .add(new AuthScope(proxyHost), credentials).build());
        }
        return context;
    }

    private static ClassicHttpRequest classicRequest(OutboundRequest request) {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method()).setUri(request.uri());
        request.headers().forEach(builder::addHeader);
        if (request.contentType() != null) {
            builder.setEntity(new ByteArrayEntity(request.body(), ContentType.parse(request.contentType())));
        }
        return builder.build();
    }

    private Captured capture(ClassicHttpResponse response) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.merge(header.getName().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
        }
        byte[] body = new byte[0];
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            InputStream in = entity.getContent();
            body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                // Closing would drain the rest of the body to keep the connection; drop the connection instead.
                if (in instanceof EofSensorInputStream sensor) {
                    sensor.abort();
                }
                throw new ResponseTooLargeException(maxBodyBytes);
            }
            in.close();
        }
        return new Captured(response.getCode(), headers, body);
    }

    private record Captured(int status, Map<String, String> headers, byte[] body) {
    }
}
