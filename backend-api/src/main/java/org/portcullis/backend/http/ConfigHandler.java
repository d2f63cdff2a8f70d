package org.portcullis.backend.http;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.document.DocumentPublisher;
import org.portcullis.backend.document.PublishedDocument;

/**
 * {@code GET /v1/config}: the configuration document with its strong entity tag; {@code 304} and no body when
 * {@code If-None-Match} names the current tag. With {@code ?wait=55s} an unchanged document is answered as soon as
 * it changes (the publisher completes the request's future) or with {@code 304} once the wait, at most the
 * configured maximum, is over. {@code 503} while no valid document exists. Sharable: per request state lives in
 * the request's closures, on its event loop.
 */
@ChannelHandler.Sharable
final class ConfigHandler extends SimpleChannelInboundHandler<ApiRequest> {
    static final String PATH = "/v1/config";

    private static final Logger LOG = LogManager.getLogger();

    private final DocumentPublisher publisher;
    private final Duration maxWait;

    ConfigHandler(DocumentPublisher publisher, Duration maxWait) {
        this.publisher = publisher;
        this.maxWait = maxWait;
    }

    @Override
    public boolean acceptInboundMessage(Object msg) {
        return msg instanceof ApiRequest && PATH.equals(((ApiRequest) msg).path());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ApiRequest request) {
        if (!HttpMethod.GET.equals(request.method())) {
            FullHttpResponse response = Responses.empty(HttpResponseStatus.METHOD_NOT_ALLOWED);
            response.headers().set(HttpHeaderNames.ALLOW, "GET");
            Responses.send(ctx, request.keepAlive(), response);
            return;
        }
        Duration wait;
        try {
            wait = LongPollWait.parse(request.parameter("wait"), maxWait);
        } catch (IllegalArgumentException e) {
            Responses.send(ctx, request.keepAlive(), Responses.text(HttpResponseStatus.BAD_REQUEST, e.getMessage()));
            return;
        }
        PublishedDocument current = publisher.current();
        if (current == null) {
            FullHttpResponse response = Responses.empty(HttpResponseStatus.SERVICE_UNAVAILABLE);
            response.headers().set(HttpHeaderNames.RETRY_AFTER, 30);
            Responses.send(ctx, request.keepAlive(), response);
            return;
        }
        if (!matches(request.header(HttpHeaderNames.IF_NONE_MATCH), current.etag())) {
            sendDocument(ctx, request, current);
        } else if (wait.isZero()) {
            sendNotModified(ctx, request, current);
        } else {
            longPoll(ctx, request, current, wait);
        }
    }

    private void longPoll(ChannelHandlerContext ctx, ApiRequest request, PublishedDocument current, Duration wait) {
        new LongPoll(ctx, request, current, publisher.nextChange(current.etag())).start(wait);
    }

    /**
     * One waiting request, on its channel's event loop. Whoever settles the change future first answers: the
     * publisher (200 with the new document), the timeout (304), or the channel's close (nobody).
     */
    private static final class LongPoll implements ChannelFutureListener {
        private final ChannelHandlerContext ctx;
        private final ApiRequest request;
        private final PublishedDocument current;
        private final CompletableFuture<PublishedDocument> change;
        private ScheduledFuture<?> timeout;

        LongPoll(ChannelHandlerContext ctx, ApiRequest request, PublishedDocument current,
                 CompletableFuture<PublishedDocument> change) {
            this.ctx = ctx;
            this.request = request;
            this.current = current;
            this.change = change;
        }

        void start(Duration wait) {
            timeout = ctx.executor().schedule(this::expire, wait.toNanos(), TimeUnit.NANOSECONDS);
            ctx.channel().closeFuture().addListener(this);
            change.thenAccept(document -> ctx.executor().execute(() -> changed(document)));
        }

        /** The channel closed: stop waiting. */
        @Override
        public void operationComplete(ChannelFuture future) {
            timeout.cancel(false);
            change.cancel(false);
        }

        private void expire() {
            if (change.cancel(false) && ctx.channel().isActive()) {
                ctx.channel().closeFuture().removeListener(this);
                sendNotModified(ctx, request, current);
            }
        }

        private void changed(PublishedDocument document) {
            timeout.cancel(false);
            ctx.channel().closeFuture().removeListener(this);
            sendDocument(ctx, request, document);
        }
    }

    private static void sendDocument(ChannelHandlerContext ctx, ApiRequest request, PublishedDocument document) {
        FullHttpResponse response = Responses.json(HttpResponseStatus.OK, document.json());
        response.headers().set(HttpHeaderNames.ETAG, document.etag());
        LOG.debug("[{}] configuration revision {} sent to {}", Peers.name(ctx.channel()), document.revision(),
                request.tokenName());
        Responses.send(ctx, request.keepAlive(), response);
    }

    private static void sendNotModified(ChannelHandlerContext ctx, ApiRequest request, PublishedDocument document) {
        FullHttpResponse response = Responses.empty(HttpResponseStatus.NOT_MODIFIED);
        response.headers().set(HttpHeaderNames.ETAG, document.etag());
        Responses.send(ctx, request.keepAlive(), response);
    }

    /** True if an If-None-Match header names the tag (weak comparison, as RFC 9110 section 13.1.2 asks), or is "*". */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
