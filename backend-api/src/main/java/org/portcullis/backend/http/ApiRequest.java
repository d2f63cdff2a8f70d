package org.portcullis.backend.http;

import io.netty.buffer.DefaultByteBufHolder;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;

/**
 * A request whose token was accepted: the HTTP request (its body owned by this holder, released with it) and the
 * name of the token, which names the relay client that made it.
 */
final class ApiRequest extends DefaultByteBufHolder {
    private final HttpMethod method;
    private final QueryStringDecoder uri;
    private final HttpHeaders headers;
    private final boolean keepAlive;
    private final String tokenName;

    /** Takes over the request's body. */
    ApiRequest(FullHttpRequest request, String tokenName) {
        super(request.content());
        this.method = request.method();
        this.uri = new QueryStringDecoder(request.uri());
        this.headers = request.headers();
        this.keepAlive = HttpUtil.isKeepAlive(request);
        this.tokenName = tokenName;
    }

    HttpMethod method() {
        return method;
    }

    /** The path without the query. */
    String path() {
        return uri.path();
    }

    /** The first value of a query parameter, or null. */
    String parameter(String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A header's value, or null. */
    String header(CharSequence name) {
        return headers.get(name);
    }

    /** True unless the client asked to close the connection after the response. */
    boolean keepAlive() {
        return keepAlive;
    }

    /** The name of the token the request carried. */
    String tokenName() {
        return tokenName;
    }

    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + uri.path() + " by " + tokenName + "]";
    }
}
