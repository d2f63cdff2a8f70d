package org.portcullis.relay.client.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.LinkStream;
import org.portcullis.link.LinkStreamListener;

/**
 * Relays the octets of one OFTP2 session (RFC 5024 §8.2 framing, unchanged) between a socket to the inside daemon
 * and its link stream, with each side's flow control: the socket is read (auto-read off) only while the stream
 * is writable, and receive credit goes back to the stream only once the inside socket took the data, so a slow
 * inside daemon slows only its own partner. Added last-but-one to the socket's pipeline, once the session is
 * ready to relay; it becomes the stream's listener then.
 *
 * <p>Threads: socket events arrive on the socket's event loop, stream callbacks on the link's; the stream's
 * methods and the channel's write, read and close are safe from either.
 */
public final class StreamRelayHandler extends ChannelInboundHandlerAdapter implements LinkStreamListener {
    private static final Logger LOG = LogManager.getLogger();

    private final LinkStream stream;
    private final String session;
    private volatile Channel channel;

    /**
     * @param stream  the session's stream; this handler becomes its listener when added to the pipeline
     * @param session the log label of the session: its id, and the Odette ID when known
     */
    public StreamRelayHandler(LinkStream stream, String session) {
        this.stream = stream;
        this.session = session;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        // Data and a close that reached the stream before this moment are delivered now.
        stream.setListener(this);
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // The stream takes ownership and queues what exceeds the peer's window; reading stops when it fills.
        stream.write((ByteBuf) msg);
        if (stream.isWritable()) {
            ctx.read();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        LOG.debug("[{}] inside connection closed; closing the stream", session);
        stream.close();
        ctx.fireChannelInactive();
    }

    @Override
    public void onData(LinkStream source, ByteBuf data) {
        int octets = data.readableBytes();
        channel.writeAndFlush(data).addListener(write -> {
            if (write.isSuccess()) {
                source.consumed(octets);
            } else {
                LOG.debug("[{}] write to the inside connection failed: {}", session, write.cause().toString());
                source.reset("relay-client could not write to the inside connection");
            }
        });
    }

    @Override
    public void onWritabilityChanged(LinkStream source, boolean writable) {
        if (writable) {
            channel.read();
        }
    }

    @Override
    public void onClosed(LinkStream source, boolean reset, String reason) {
        LOG.info("[{}] stream {}{}", session, reset ? "reset: " : "closed", reset ? reason : "");
        // Whatever the stream delivered before is written first; then the inside connection closes.
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
}
