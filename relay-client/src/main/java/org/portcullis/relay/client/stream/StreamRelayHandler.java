package org.portcullis.relay.client.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.daemon.control.SessionTag;
import org.portcullis.link.LinkStream;
import org.portcullis.link.LinkStreamListener;

/**
 * Relays the octets of one OFTP2 session (RFC 5024 §8.2 framing, unchanged) between a socket to the inside daemon
 * and its link stream, with each side's flow control: the socket is read (auto-read off) only while the stream
 * is writable, and receive credit goes back to the stream only once the inside socket took the data, so a slow
 * inside daemon slows only its own partner. Added last-but-one to the socket's pipeline, once the session is
 * ready to relay; it becomes the stream's listener then.
 *
 * <p>Ending the session early ({@link #end}: a drain's deadline, kill-session) closes the stream down, and
 * relay-server, which relays only whole frames to the partner, gives the partner ESID 05 (RFC 5024 §5.3.5) wherever
 * the inside's octets stopped.
 *
 * <p>Threads: socket events arrive on the socket's event loop, stream callbacks on the link's; the stream's
 * methods and the channel's write, read and close are safe from either.
 */
public final class StreamRelayHandler extends ChannelInboundHandlerAdapter implements LinkStreamListener {
    private static final Logger LOG = LogManager.getLogger();

    private final LinkStream stream;
    private final ClientSession session;
    private final SessionTag tag;
    private volatile Channel channel;
    private boolean ended;

    /**
     * @param stream  the session's stream; this handler becomes its listener when added to the pipeline
     * @param session the session: its log tag, its counters
     */
    public StreamRelayHandler(LinkStream stream, ClientSession session) {
        this.stream = stream;
        this.session = session;
        this.tag = session.tag();
    }

    /** A session no registry lists, labelled {@code label} in the log (bridges, tests). */
    public StreamRelayHandler(LinkStream stream, String label) {
        this(stream, ClientSession.unlisted(SessionTag.of(label)));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        session.relaying(this);
        // Data and a close that reached the stream before this moment are delivered now.
        stream.setListener(this);
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf octets = (ByteBuf) msg;
        if (ended) {
            ReferenceCountUtil.release(octets);
            return;
        }
        session.countToPartner(octets.readableBytes());
        // The stream takes ownership and queues what exceeds the peer's window; reading stops when it fills.
        stream.write(octets);
        if (stream.isWritable()) {
            ctx.read();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        LOG.debug("{} inside connection closed; closing the stream", tag);
        stream.close();
        ctx.fireChannelInactive();
    }

    @Override
    public void onData(LinkStream source, ByteBuf data) {
        int octets = data.readableBytes();
        channel.writeAndFlush(data).addListener(write -> {
            if (write.isSuccess()) {
                session.countFromPartner(octets);
                source.consumed(octets);
            } else {
                LOG.debug("{} write to the inside connection failed: {}", tag, write.cause().toString());
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
        session.outcome(reset ? ClientSession.Outcome.RESET : ClientSession.Outcome.CLOSED);
        LOG.info("{} stream {}{}", tag, reset ? "reset: " : "closed", reset ? reason : "");
        // Whatever the stream delivered before is written first; then the inside connection closes.
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Ends the session now, on the socket's event loop: the stream is closed down, so relay-server ends the
     * partner's session with ESID 05 after the last whole frame it relayed, wherever the inside's octets stopped.
     * The inside connection closes; nothing more it sends is relayed.
     */
    void end(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        stream.closeDown("relay-client: " + reason);
        LOG.warn("{} ended: {}; stream closed down (relay-server sends the partner ESID 05)", tag, reason);
        channel.close();
    }
}
