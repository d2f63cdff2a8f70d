package org.portcullis.backend.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.portcullis.backend.event.Event;
import org.portcullis.backend.event.EventJson;
import org.portcullis.backend.event.EventReceiver;

/**
 * {@code POST /v1/events}: one event as JSON, queued for the event script; {@code 202} once queued, {@code 400}
 * with the reason for a malformed event, {@code 503} when the queue is full. Sharable: stateless.
 */
@ChannelHandler.Sharable
final class EventsHandler extends SimpleChannelInboundHandler<ApiRequest> {
    static final String PATH = "/v1/events";

    private final EventReceiver events;

    EventsHandler(EventReceiver events) {
        this.events = events;
    }

    @Override
    public boolean acceptInboundMessage(Object msg) {
        return msg instanceof ApiRequest && PATH.equals(((ApiRequest) msg).path());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ApiRequest request) {
        if (!HttpMethod.POST.equals(request.method())) {
            FullHttpResponse response = Responses.empty(HttpResponseStatus.METHOD_NOT_ALLOWED);
            response.headers().set(HttpHeaderNames.ALLOW, "POST");
            Responses.send(ctx, request.keepAlive(), response);
            return;
        }
        Event event;
        try {
            event = EventJson.parse(ByteBufUtil.getBytes(request.content()), request.tokenName());
        } catch (IllegalArgumentException e) {
            Responses.send(ctx, request.keepAlive(), Responses.text(HttpResponseStatus.BAD_REQUEST, e.getMessage()));
            return;
        }
        HttpResponseStatus status = events.receive(event) ? HttpResponseStatus.ACCEPTED
                : HttpResponseStatus.SERVICE_UNAVAILABLE;
        Responses.send(ctx, request.keepAlive(), Responses.empty(status));
    }
}
