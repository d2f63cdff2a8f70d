package org.portcullis.backend.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.token.FailureThrottle;
import org.portcullis.backend.token.TokenRecord;
import org.portcullis.backend.token.TokenVerifier;

/**
 * Lets a request in only with a valid relay token ({@code Authorization: Bearer TOKEN}): the token is hashed and
 * looked up on the database executor, and the request goes on as an {@link ApiRequest} named by the token. Any
 * other request gets 401 and an empty body, whatever it asked for, and counts against its address in the
 * {@link FailureThrottle}; an address over its budget gets 429 without its token being checked. The token is
 * never logged. Sharable: its state is the server's throttle.
 */
@ChannelHandler.Sharable
final class TokenAuthHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LogManager.getLogger();
    private static final String BEARER = "bearer ";

    private final FailureThrottle throttle;
    private final TokenVerifier verifier;

    TokenAuthHandler(FailureThrottle throttle, TokenVerifier verifier) {
        super(false);
        this.throttle = throttle;
        this.verifier = verifier;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            request.release();
            Responses.send(ctx, false, Responses.empty(HttpResponseStatus.BAD_REQUEST));
            return;
        }
        InetAddress source = source(ctx);
        Duration wait = throttle.retryAfter(source);
        if (!wait.isZero()) {
            request.release();
            LOG.debug("[{}] too many failed token checks: 429 for {} ms", Peers.name(ctx.channel()), wait.toMillis());
            FullHttpResponse response = Responses.empty(HttpResponseStatus.TOO_MANY_REQUESTS);
            response.headers().set(HttpHeaderNames.RETRY_AFTER, Math.max(1, (wait.toMillis() + 999) / 1000));
            Responses.send(ctx, keepAlive, response);
            return;
        }
        String token = bearerToken(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        verifier.verify(token).whenComplete((record, failure) -> ctx.executor().execute(
                () -> verified(ctx, request, source, record, failure)));
    }

    private void verified(ChannelHandlerContext ctx, FullHttpRequest request, InetAddress source,
                          Optional<TokenRecord> record, Throwable failure) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (failure != null) {
            request.release();
            LOG.error("[{}] token check failed: {}", Peers.name(ctx.channel()), failure.getMessage());
            Responses.send(ctx, false, Responses.empty(HttpResponseStatus.SERVICE_UNAVAILABLE));
            return;
        }
        if (record.isEmpty() || record.get().isRevoked()) {
            request.release();
            throttle.failed(source);
            LOG.info("[{}] {} {}: 401, {}", Peers.name(ctx.channel()), request.method(), pathOf(request.uri()),
                    record.isEmpty() ? "no valid token" : "token \"" + record.get().name() + "\" is revoked");
            FullHttpResponse response = Responses.empty(HttpResponseStatus.UNAUTHORIZED);
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"portcullis\"");
            Responses.send(ctx, keepAlive, response);
            return;
        }
        if (!ctx.channel().isActive()) {
            request.release();
            return;
        }
        ctx.fireChannelRead(new ApiRequest(request, record.get().name()));
    }

    /** The client's address; channels without one (in-memory ones) count as loopback. */
    private static InetAddress source(ChannelHandlerContext ctx) {
        SocketAddress remote = ctx.channel().remoteAddress();
        return remote instanceof InetSocketAddress ? ((InetSocketAddress) remote).getAddress()
                : InetAddress.getLoopbackAddress();
    }

    /** The token of an "Authorization: Bearer TOKEN" header, or null. */
    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }

    /** The path alone: a query is the client's and stays out of the log. */
    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        String shown = path.length() > 100 ? path.substring(0, 100) + "..." : path;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
