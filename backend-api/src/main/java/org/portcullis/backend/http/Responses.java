package org.portcullis.backend.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Builds and sends the API's responses: a length on every response that may have a body, no caching, the connection
 * closed when asked.
 */
final class Responses {
    private static final Logger LOG = LogManager.getLogger();

    private Responses() {
    }

    /** A response without a body. */
    static FullHttpResponse empty(HttpResponseStatus status) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
    }

    /** A response with a JSON body (the octets are wrapped, not copied). */
    static FullHttpResponse json(HttpResponseStatus status, byte[] json) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(json));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        return response;
    }

    /** A response with a one-line plain-text body saying what was wrong with the request. */
    static FullHttpResponse text(HttpResponseStatus status, String line) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(line + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return response;
    }

    /** Sends the response and closes the connection after it unless it is kept alive. */
    static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        int code = response.status().code();
        if (code != 304 && code != 204) {
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        }
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) future -> {
            if (!future.isSuccess()) {
                LOG.debug("[{}] response {} not sent: {}", Peers.name(future.channel()), code,
                        future.cause().toString());
                future.channel().close();
            } else if (!keepAlive) {
                future.channel().close();
            }
        });
    }
}
