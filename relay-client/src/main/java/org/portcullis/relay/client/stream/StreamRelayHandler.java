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
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.frame.StbHeader;

/**
 * Relays the octets of one OFTP2 session (RFC 5024 §8.2 framing, unchanged) between a socket to the inside daemon
 * and its link stream, with each side's flow control: the socket is read (auto-read off) only while the stream
 * is writable, and receive credit goes back to the stream only once the inside socket took the data, so a slow
 * inside daemon slows only its own partner. Added last-but-one to the socket's pipeline, once the session is
 * ready to relay; it becomes the stream's listener then.
 *
 * <p>It follows the framing of what the inside sends, so that ending the session early ({@link #end}: a drain's
 * deadline, kill-session) can give the partner ESID 05 (RFC 5024 §5.3.5) at a frame boundary.
 *
 * <p>Threads: socket events arrive on the socket's event loop, stream callbacks on the link's; the stream's
 * methods and the channel's write, read and close are safe from either.
 */
public final class StreamRelayHandler extends ChannelInboundHandlerAdapter implements LinkStreamListener {
    private static final Logger LOG = LogManager.getLogger();

    private final LinkStream stream;
    private final ClientSession session;
    private final SessionTag tag;
    private final StbBoundary fromInside = new StbBoundary();
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
        fromInside.pass(octets);
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
     * Ends the session now, on the socket's event loop: at a frame boundary of what the inside sent, ESID 05 goes
     * into the stream before it closes, and relay-server passes it to the partner; elsewhere the stream is reset.
     * The inside connection closes; nothing more it sends is relayed.
     */
    void end(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        if (fromInside.atBoundary()) {
            stream.write(esid05());
            stream.close();
            LOG.warn("{} ended: {}; ESID 05 to the partner", tag, reason);
        } else {
            stream.reset("relay-client: " + reason);
            LOG.warn("{} ended: {}; stream reset (the inside was mid-frame)", tag, reason);
        }
        channel.close();
    }

    /** ESID 05, local site emergency close down, as a Stream Transmission Buffer. */
    private ByteBuf esid05() {
        ByteBuf frame = channel.alloc().buffer();
        frame.writeZero(StbHeader.LENGTH);
        Esid.of(EsidReason.LOCAL_SITE_EMERGENCY_CLOSE_DOWN).writeTo(frame);
        int length = frame.readableBytes() - StbHeader.LENGTH;
        frame.writerIndex(0);
        StbHeader.write(frame, length);
        frame.writerIndex(StbHeader.LENGTH + length);
        return frame;
    }
}
