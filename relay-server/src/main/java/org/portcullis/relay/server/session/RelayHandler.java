package org.portcullis.relay.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.RejectedExecutionException;
import org.portcullis.link.LinkStream;
import org.portcullis.link.LinkStreamListener;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.relay.server.session.AuditRecord.EsidSender;
import org.portcullis.relay.server.session.AuditRecord.Verdict;

/**
 * The {@code relay} of a session: commands from the partner go into the link stream, commands from the stream
 * go to the partner, and every one of them is first checked by the session's rules (RFC 5024 §4, §9); the first
 * violation either way ends the session. An ESID passing through ends it after both sides have it.
 *
 * <p>Flow control: auto-read is off; the partner is read again once a batch went into the stream and the stream
 * is writable, and otherwise when it becomes writable again. Octets from the stream are credited back to it when
 * their write to the partner completed, so a slow partner slows only its own stream; the octets of an incomplete
 * frame are credited at once (at most one frame is held), so a window smaller than the largest frame cannot stall.
 *
 * <p>Threads: the stream's callbacks arrive on the link's event loop and are handed to this channel's, where the
 * session's rules live.
 */
public final class RelayHandler extends ChannelInboundHandlerAdapter implements LinkStreamListener {
    private final RelaySession session;
    private final String expectedPartnerId;
    private ChannelHandlerContext ctx;
    private StbFrameAccumulator fromInside;
    private boolean started;
    private boolean readPending;

    /**
     * @param session           the session, its stream attached
     * @param expectedPartnerId for an outgoing session the Odette ID the route's partner must give in its SSID
     *                          (ESID 03 to both sides otherwise); {@code null} for an incoming one
     */
    public RelayHandler(RelaySession session, String expectedPartnerId) {
        this.session = session;
        this.expectedPartnerId = expectedPartnerId;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        this.fromInside = new StbFrameAccumulator(context.alloc(), new CommandParser(SessionInspector.PARSE_MODE));
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        fromInside.close();
    }

    /** An outgoing session: relaying starts with the connection; the first read starts the TLS handshake. */
    @Override
    public void channelActive(ChannelHandlerContext context) {
        session.opened();
        start();
        context.fireChannelActive();
    }

    /**
     * An incoming session: relaying starts with the partner's SSID, which the {@code ssidAuth} step has already
     * checked and the rules have seen.
     */
    public void start(Ssid checkedSsid) {
        ByteBuf frame = StbFrames.encode(ctx.alloc(), checkedSsid);
        session.countFromPartner(frame.readableBytes());
        session.stream().write(frame);
        start();
    }

    private void start() {
        if (!started) {
            started = true;
            session.stream().setListener(this);
            requestRead();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (!(message instanceof OftpCommand command)) {
            context.fireChannelRead(message);
            return;
        }
        try {
            if (!session.ended()) {
                fromPartner(command);
            }
        } catch (OftpProtocolException violation) {
            session.fail(Verdict.VIOLATION, violation.reason(), "partner: " + violation.getMessage());
        } finally {
            ReferenceCountUtil.release(command);
        }
    }

    private void fromPartner(OftpCommand command) {
        session.inspector().fromPartner(session.log(), command);
        if (expectedPartnerId != null && command instanceof Ssid ssid) {
            if (!expectedPartnerId.equals(ssid.odetteId())) {
                session.failBoth(Verdict.REFUSED, EsidReason.USER_CODE_NOT_KNOWN, "the partner identified as "
                        + ssid.odetteId() + ", but the route expects " + expectedPartnerId);
                return;
            }
            session.odetteId(ssid.odetteId());
        }
        ByteBuf frame = StbFrames.encode(ctx.alloc(), command);
        session.countFromPartner(frame.readableBytes());
        session.stream().write(frame);
        if (command instanceof Esid esid) {
            session.finish(esid.reason(), EsidSender.PARTNER);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        requestRead();
        context.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        session.fail(Verdict.ENDED, null, "the partner closed the connection");
        context.fireChannelInactive();
    }

    private void requestRead() {
        if (session.ended()) {
            return;
        }
        if (session.stream().isWritable()) {
            readPending = false;
            ctx.read();
        } else {
            readPending = true;
        }
    }

    @Override
    public void onData(LinkStream stream, ByteBuf data) {
        onEventLoop(() -> fromInside(data), data);
    }

    @Override
    public void onWritabilityChanged(LinkStream stream, boolean writable) {
        onEventLoop(() -> {
            if (writable && readPending) {
                requestRead();
            }
        }, null);
    }

    @Override
    public void onClosed(LinkStream stream, boolean reset, String reason) {
        onEventLoop(() -> session.fail(Verdict.ENDED, EsidReason.RESOURCES_NOT_AVAILABLE, reset
                ? "the link stream was reset: " + reason : "the inside closed the session without ESID"), null);
    }

    /**
     * relay-client closed the session down (a drain's deadline, kill-session): the partner gets ESID 05 after the
     * last whole frame relayed to it; the incomplete frame held, if any, is dropped.
     */
    @Override
    public void onClosedDown(LinkStream stream, String reason) {
        onEventLoop(() -> session.fail(Verdict.ENDED, EsidReason.LOCAL_SITE_EMERGENCY_CLOSE_DOWN,
                "the inside closed the session down: " + reason), null);
    }

    private void onEventLoop(Runnable task, ByteBuf releaseIfRejected) {
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            ReferenceCountUtil.release(releaseIfRejected);
        }
    }

    /** Octets from the inside: whole frames are checked and written to the partner. */
    private void fromInside(ByteBuf data) {
        if (session.ended()) {
            data.release();
            return;
        }
        int octets = data.readableBytes();
        fromInside.add(data);
        ChannelFuture lastWrite = null;
        try {
            OftpCommand command;
            while (!session.ended() && (command = fromInside.next()) != null) {
                lastWrite = toPartner(command);
            }
        } catch (OftpProtocolException violation) {
            ctx.flush();
            session.fail(Verdict.VIOLATION, violation.reason(), "inside: " + violation.getMessage());
            return;
        }
        ctx.flush();
        creditBack(octets, lastWrite);
    }

    /** Checks and writes one command; the encoder releases it. */
    private ChannelFuture toPartner(OftpCommand command) {
        int frameLength = fromInside.lastFrameLength();
        try {
            session.inspector().fromInside(session.log(), command);
        } catch (OftpProtocolException violation) {
            ReferenceCountUtil.release(command);
            throw violation;
        }
        session.countToPartner(frameLength);
        ChannelFuture write = ctx.write(command).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        if (command instanceof Esid esid) {
            ctx.flush();
            session.finish(esid.reason(), EsidSender.INSIDE);
        }
        return write;
    }

    private void creditBack(int octets, ChannelFuture lastWrite) {
        if (session.ended()) {
            return;
        }
        LinkStream stream = session.stream();
        // Frames were written: what is buffered now is the start of the next frame, all from this chunk.
        int heldNow = lastWrite == null ? octets : fromInside.buffered();
        if (heldNow > 0) {
            stream.consumed(heldNow);
        }
        int written = octets - heldNow;
        if (written > 0) {
            lastWrite.addListener(done -> {
                if (done.isSuccess()) {
                    stream.consumed(written);
                }
            });
        }
    }
}
