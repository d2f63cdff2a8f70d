package org.portcullis.relay.client.inside;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.time.Duration;
import org.portcullis.daemon.control.SessionTag;
import org.portcullis.link.LinkStream;
import org.portcullis.oftp2.frame.StbFrameDecoder;
import org.portcullis.relay.client.stream.ClientSession;
import org.portcullis.relay.client.stream.StreamErrorHandler;

/**
 * Assembles the pipeline of a connection to the inside daemon: {@code flush} → {@code stbFrame} → {@code ssrmCheck}
 * → {@code errors}; once the SSRM is checked, {@code relay} replaces the middle two.
 *
 * <p>{@code flush} turns the flush after each link frame (≤ 16 KiB) into one flush per batch of frames the link
 * delivered, so the inside socket gets fewer and larger writes.
 */
final class InsideInitializer extends ChannelInitializer<Channel> {
    static final String FLUSH = "flush";
    static final String STB_FRAME = "stbFrame";
    static final String SSRM_CHECK = "ssrmCheck";
    static final String RELAY = "relay";
    static final String ERRORS = "errors";
    /** SSRM in its Stream Transmission Buffer (RFC 5024 §8.2): a 4-octet header and 19 octets. */
    static final int SSRM_FRAME_LENGTH = 23;

    private final LinkStream stream;
    private final ClientSession session;
    private final Duration ssrmTimeout;

    InsideInitializer(LinkStream stream, ClientSession session, Duration ssrmTimeout) {
        this.stream = stream;
        this.session = session;
        this.ssrmTimeout = ssrmTimeout;
    }

    /** A session no registry lists, labelled {@code label} in the log (tests). */
    InsideInitializer(LinkStream stream, String label, Duration ssrmTimeout) {
        this(stream, ClientSession.unlisted(SessionTag.of(label)), ssrmTimeout);
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.pipeline()
                // Writes come from the link's event loop: flushed once the batch queued before the flush ran.
                .addLast(FLUSH, new FlushConsolidationHandler(
                        FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true))
                // A longer first frame cannot be SSRM: refused from its header, nothing of it buffered.
                .addLast(STB_FRAME, new StbFrameDecoder(SSRM_FRAME_LENGTH))
                .addLast(SSRM_CHECK, new SsrmCheckHandler(stream, session, ssrmTimeout))
                .addLast(ERRORS, new StreamErrorHandler(session, stream));
    }
}
