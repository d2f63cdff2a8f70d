package org.portcullis.backend.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One request at a time per connection: a pipelined request waits here until the response to the one before it
 * has been written, so responses leave in request order even when one is a long-poll or waits for the database.
 * At most {@value #MAX_QUEUED} requests wait; a client that pipelines more is disconnected. Created per channel.
 */
final class RequestQueueHandler extends ChannelDuplexHandler {
    static final int MAX_QUEUED = 8;

    private static final Logger LOG = LogManager.getLogger();

    private final Deque<FullHttpRequest> queued = new ArrayDeque<>();
    private boolean busy;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!busy) {
            busy = true;
            ctx.fireChannelRead(msg);
            return;
        }
        if (queued.size() >= MAX_QUEUED) {
            ReferenceCountUtil.release(msg);
            LOG.info("[{}] more than {} pipelined requests: closing", Peers.name(ctx.channel()), MAX_QUEUED);
            ctx.close();
            return;
        }
        queued.addLast((FullHttpRequest) msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof LastHttpContent)) {
            ctx.write(msg, promise);
            return;
        }
        ChannelPromise written = promise.unvoid();
        ctx.write(msg, written);
        written.addListener(future -> next(ctx));
    }

    private void next(ChannelHandlerContext ctx) {
        busy = false;
        if (!ctx.channel().isActive()) {
            releaseQueued();
            return;
        }
        FullHttpRequest request = queued.pollFirst();
        if (request != null) {
            busy = true;
            ctx.fireChannelRead(request);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseQueued();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseQueued();
    }

    private void releaseQueued() {
        FullHttpRequest request;
        while ((request = queued.pollFirst()) != null) {
            request.release();
        }
    }
}
