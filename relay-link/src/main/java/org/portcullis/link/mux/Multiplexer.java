package org.portcullis.link.mux;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.Link;
import org.portcullis.link.LinkException;
import org.portcullis.link.LinkListener;
import org.portcullis.link.LinkSettings;
import org.portcullis.link.LinkStream;
import org.portcullis.link.StreamOpen;
import org.portcullis.link.frame.ControlCodec;
import org.portcullis.link.frame.LinkFrame;
import org.portcullis.link.frame.StreamOpenCodec;

/**
 * The link as its owner sees it: opens streams, sends control messages, closes; and the stream table, windows and
 * close handling behind it. State lives on the link's event loop; public methods hop there.
 */
public final class Multiplexer implements Link {
    private static final Logger LOG = LogManager.getLogger();
    /** GO_AWAY codes. */
    static final int GO_AWAY_NORMAL = 0;

    private final ChannelHandlerContext ctx;
    private final LinkSide side;
    private final X509Certificate peerCertificate;
    private final String id;
    private final StreamTable streams;
    private final StreamScheduler scheduler;
    private final FrameReceiver receiver;
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final ChannelFutureListener onWritten;
    private boolean goAwaySent;
    private boolean goAwayReceived;
    private boolean up;
    private boolean down;
    private Throwable cause;

    Multiplexer(ChannelHandlerContext ctx, LinkSide side, X509Certificate peerCertificate) {
        this.ctx = ctx;
        this.side = side;
        this.peerCertificate = peerCertificate;
        this.id = "link-" + ctx.channel().id().asShortText();
        this.streams = new StreamTable(side.role());
        this.scheduler = new StreamScheduler(ctx.channel());
        this.receiver = new FrameReceiver(this);
        this.onWritten = future -> {
            // A write that fails on a closed connection is the link loss itself, reported by channelInactive.
            if (!future.isSuccess() && future.channel().isActive()
                    && !(future.cause() instanceof ClosedChannelException)) {
                fail(future.cause());
            }
        };
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public EventLoop eventLoop() {
        return ctx.channel().eventLoop();
    }

    @Override
    public SocketAddress remoteAddress() {
        return ctx.channel().remoteAddress();
    }

    @Override
    public X509Certificate peerCertificate() {
        return peerCertificate;
    }

    @Override
    public boolean isActive() {
        return !down && ctx.channel().isActive();
    }

    @Override
    public int activeStreams() {
        return streams.size();
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    @Override
    public CompletableFuture<LinkStream> openStream(StreamOpen open) {
        CompletableFuture<LinkStream> future = new CompletableFuture<>();
        execute(() -> openNow(open, future), () -> future.completeExceptionally(new LinkException("link is down")));
        return future;
    }

    private void openNow(StreamOpen open, CompletableFuture<LinkStream> future) {
        if (down || goAwaySent || goAwayReceived) {
            future.completeExceptionally(new LinkException(down ? "link is down" : "link is going away"));
            return;
        }
        if (streams.size() >= side.settings().maxStreams()) {
            future.completeExceptionally(new LinkException("link has " + streams.size() + " streams, the limit"));
            return;
        }
        int streamId;
        try {
            streamId = streams.nextLocalId();
        } catch (LinkException e) {
            future.completeExceptionally(e);
            return;
        }
        streams.put(MuxStream.opening(this, streamId, open, future));
        LOG.debug("[{}] {} opening stream {} ({})", open.sessionId(), id, streamId, open.kind());
        writeFrame(LinkFrame.data(streamId, LinkFrame.SYN,
                StreamOpenCodec.encode(alloc(), side.settings().streamWindow(), open)));
        ctx.flush();
    }

    @Override
    public void sendControl(ControlMessage message) {
        execute(() -> {
            if (down) {
                LOG.warn("[{}] link is down: {} not sent", id, message);
                return;
            }
            LOG.debug("[{}] sending {}", id, message);
            writeFrame(LinkFrame.control(ControlCodec.encode(message)));
            ctx.flush();
        }, () -> LOG.warn("[{}] link is down: {} not sent", id, message));
    }

    @Override
    public void close() {
        execute(() -> {
            if (down || goAwaySent) {
                ctx.channel().close();
                return;
            }
            goAwaySent = true;
            LOG.info("[{}] closing the link to {}", id, PeerAddress.format(remoteAddress()));
            writeFrame(LinkFrame.goAway(GO_AWAY_NORMAL));
            ctx.flush();
            // TLS writes the GO_AWAY before its close_notify; a stuck peer delays the close only by that flush.
            ctx.channel().close();
        }, () -> { });
    }

    /** The link is authenticated and ready: the owner hears it. */
    void up() {
        if (up) {
            return;
        }
        up = true;
        LOG.info("[{}] link up with {} ({})", id, PeerAddress.format(remoteAddress()),
                peerCertificate.getSubjectX500Principal().getName());
        try {
            side.listener().linkUp(this);
        } catch (RuntimeException e) {
            LOG.error("[{}] the link listener failed on linkUp", id, e);
        }
    }

    /** The connection is gone: every stream ends with reset "link lost", then the owner hears it (if it was up). */
    void lost() {
        if (down) {
            return;
        }
        down = true;
        scheduler.clear();
        for (MuxStream stream : streams.snapshot()) {
            stream.end(true, "link lost");
        }
        Throwable reported = cause;
        if (reported == null && !goAwaySent && !goAwayReceived) {
            reported = new LinkException("link closed by the peer without GO_AWAY");
        }
        if (up) {
            LOG.info("[{}] link down{}", id, reported == null ? "" : ": " + reported.getMessage());
            try {
                side.listener().linkDown(this, reported);
            } catch (RuntimeException e) {
                LOG.error("[{}] the link listener failed on linkDown", id, e);
            }
        } else if (cause == null) {
            // TLS 1.3: the server refused us after our handshake finished (errors logged any alert it sent).
            LOG.warn("[{}] {} closed the connection without admitting this side (is another relay-client linked?)",
                    id, PeerAddress.format(remoteAddress()));
        }
        closeFuture.complete(null);
    }

    /** Records the first failure; the {@code errors} handler then closes the connection. */
    void failed(Throwable failure) {
        if (cause == null) {
            cause = failure;
        }
    }

    /** Fails the link from inside (a write failed, a protocol violation was found outside a read). */
    void fail(Throwable failure) {
        if (down) {
            return;
        }
        failed(failure);
        ctx.fireExceptionCaught(failure);
    }

    void onFrame(LinkFrame frame) {
        receiver.onFrame(frame);
    }

    void onGoAway(int code) {
        goAwayReceived = true;
        LOG.info("[{}] the peer is going away (code {})", id, code);
    }

    /** Writes a frame (no flush); a failed write fails the link. */
    ChannelFuture writeFrame(LinkFrame frame) {
        return ctx.write(frame).addListener(onWritten);
    }

    void sendWindowUpdate(int streamId, int delta) {
        writeFrame(LinkFrame.windowUpdate(streamId, 0, delta));
        ctx.flush();
    }

    void sendAck(int streamId) {
        writeFrame(LinkFrame.windowUpdate(streamId, LinkFrame.ACK, settings().streamWindow()));
        ctx.flush();
    }

    void sendReset(int streamId, String reason) {
        sendReset(streamId, reason, false);
    }

    void sendReset(int streamId, String reason, boolean closeDown) {
        if (!down) {
            int flags = closeDown ? LinkFrame.RST | LinkFrame.CLOSE_DOWN : LinkFrame.RST;
            writeFrame(LinkFrame.data(streamId, flags, StreamOpenCodec.encodeReason(alloc(), reason)));
            ctx.flush();
        }
    }

    void streamEnded(MuxStream stream) {
        streams.remove(stream);
    }

    /** Runs {@code task} on the link's event loop; {@code ifDown} runs instead when the loop is gone. */
    void execute(Runnable task, Runnable ifDown) {
        if (ctx.executor().inEventLoop()) {
            task.run();
            return;
        }
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException e) {
            ifDown.run();
        }
    }

    boolean inEventLoop() {
        return ctx.executor().inEventLoop();
    }

    void pump() {
        scheduler.pump();
    }

    StreamScheduler scheduler() {
        return scheduler;
    }

    StreamTable streams() {
        return streams;
    }

    LinkListener listener() {
        return side.listener();
    }

    LinkSettings settings() {
        return side.settings();
    }

    boolean accepting() {
        return !down && !goAwaySent && !goAwayReceived;
    }

    ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    @Override
    public String toString() {
        return id;
    }
}
