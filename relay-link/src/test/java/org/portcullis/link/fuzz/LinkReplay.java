package org.portcullis.link.fuzz;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.portcullis.link.LinkException;
import org.portcullis.link.LinkSettings;
import org.portcullis.link.StreamKind;
import org.portcullis.link.StreamOpen;
import org.portcullis.link.frame.LinkFrame;
import org.portcullis.link.frame.LinkFrameDecoder;
import org.portcullis.link.frame.LinkFrameEncoder;
import org.portcullis.link.mux.HeartbeatHandler;
import org.portcullis.link.mux.LinkErrorsHandler;
import org.portcullis.link.mux.LinkRole;
import org.portcullis.link.mux.LinkSide;
import org.portcullis.link.mux.MuxHandler;
import org.portcullis.link.mux.PeerAdmittedEvent;
import org.portcullis.testkit.CertificateAuthority;
import org.portcullis.testkit.KeyType;
import org.portcullis.testkit.LeafSpec;
import org.portcullis.testkit.TrackingByteBufAllocator;

/**
 * Replays one {@link LinkFuzzInput} as the octets one end of the link reads after TLS: they arrive in reads of the
 * chosen size into the link's pipeline ({@code linkFrame} codec → {@code heartbeat} → {@code mux} → {@code errors},
 * as after admission) in an {@link EmbeddedChannel}, and everything the end writes back is taken and freed. Broken
 * invariants escape as findings:
 * <ul>
 * <li>an exception other than a {@link LinkException} (or a {@link DecoderException} wrapping one), or than a
 * {@link ClosedChannelException} once the link is closed;</li>
 * <li>a buffer larger than the octets that arrived could justify (twice them, at least {@link #SMALL_BUFFER}) or
 * than the largest frame ({@link LinkFrame#HEADER_LENGTH} + {@link LinkFrame#MAX_CONTROL});</li>
 * <li>a buffer not released once the connection is closed.</li>
 * </ul>
 */
final class LinkReplay {
    /** Buffers the link allocates whatever arrives: frame headers, a stream-open payload, a reset reason. */
    static final int SMALL_BUFFER = 1024;
    static final int MAX_FRAME = LinkFrame.HEADER_LENGTH + LinkFrame.MAX_CONTROL;
    private static final LinkSettings SETTINGS = LinkSettings.defaults();
    private static final X509Certificate PEER = CertificateAuthority.create("fuzz CA", KeyType.EC_P256)
            .issue(LeafSpec.client("link-peer")).certificate();

    private final LinkFuzzInput input;
    private final TrackingByteBufAllocator allocator = new TrackingByteBufAllocator();
    private final List<Throwable> failures = new ArrayList<>();
    private final FuzzOwner owner;
    private final EmbeddedChannel channel;
    private long arrived;

    LinkReplay(LinkFuzzInput input) {
        this.input = input;
        LinkRole role = input.server() ? LinkRole.SERVER : LinkRole.CLIENT;
        owner = new FuzzOwner(input);
        channel = new EmbeddedChannel();
        channel.config().setAllocator(allocator);
        channel.pipeline()
                .addLast("linkFrameDecoder", new LinkFrameDecoder())
                .addLast("linkFrameEncoder", new LinkFrameEncoder())
                .addLast("heartbeat", new HeartbeatHandler(SETTINGS.heartbeatTimeout(), role == LinkRole.SERVER))
                .addLast("mux", new MuxHandler(new LinkSide(role, SETTINGS, owner), PEER))
                .addLast("failures", new FailureRecorder())
                .addLast("errors", new LinkErrorsHandler());
    }

    /** What a replay came to: the stream octets the owner received, and how many failures the link had. */
    record Outcome(int receivedOctets, int failures) {
    }

    Outcome run() {
        try {
            start();
            feed();
        } finally {
            channel.finishAndReleaseAll();
        }
        checkFailures();
        int unreleased = allocator.unreleased();
        if (unreleased != 0) {
            throw new AssertionError(unreleased + " buffers were not released");
        }
        return new Outcome(owner.receivedOctets(), failures.size());
    }

    private void start() {
        if (!input.server()) {
            // The client's link is up once admission saw the server's certificate; here at once.
            channel.pipeline().fireUserEventTriggered(PeerAdmittedEvent.INSTANCE);
        }
        if (input.openFirst()) {
            channel.pipeline().get(MuxHandler.class).link()
                    .openStream(new StreamOpen(StreamKind.INCOMING, "fuzz", "O0013000000FUZZ", null, "127.0.0.1:1"))
                    .thenAccept(stream -> owner.streamOpened(stream.link(), stream));
        }
        settle();
    }

    private void feed() {
        byte[] octets = input.octets();
        for (int offset = 0; offset < octets.length && channel.isOpen(); offset += input.readSize()) {
            int length = Math.min(input.readSize(), octets.length - offset);
            arrived += length;
            try {
                channel.writeInbound(allocator.copyOf(octets, offset, length));
            } catch (RuntimeException e) {
                failures.add(e);
            }
            settle();
            checkAllocations();
        }
    }

    /** Runs what the end scheduled and frees what it wrote, as a peer that reads everything would. */
    private void settle() {
        channel.runPendingTasks();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            ReferenceCountUtil.release(out);
        }
    }

    private void checkAllocations() {
        long justified = Math.max(SMALL_BUFFER, 2 * arrived);
        int largest = allocator.largestCapacity();
        if (largest > Math.min(justified, MAX_FRAME)) {
            throw new AssertionError("a buffer of " + largest + " octets after " + arrived + " octets arrived");
        }
    }

    private void checkFailures() {
        for (Throwable failure : failures) {
            Throwable cause = failure instanceof DecoderException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (!(cause instanceof LinkException)) {
                throw new AssertionError("the link failed with something else than a LinkException", failure);
            }
        }
    }

    /**
     * Notes every exception on its way to {@code errors}, which logs it and closes the link; but not a write that
     * failed because the link had already closed (a PING answered after a GO_AWAY in the same read): that is how
     * Netty reports the closed connection, which {@code errors} and the multiplexer take as the loss it is.
     */
    private final class FailureRecorder extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!(cause instanceof ClosedChannelException && !ctx.channel().isActive())) {
                failures.add(cause);
            }
            ctx.fireExceptionCaught(cause);
        }
    }
}
