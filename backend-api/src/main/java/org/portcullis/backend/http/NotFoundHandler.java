package org.portcullis.backend.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpResponseStatus;

/** The end of the endpoints: an authenticated request for any other path gets 404. Sharable: stateless. */
@ChannelHandler.Sharable
final class NotFoundHandler extends SimpleChannelInboundHandler<ApiRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ApiRequest request) {
        Responses.send(ctx, request.keepAlive(), Responses.empty(HttpResponseStatus.NOT_FOUND));
    }
}
