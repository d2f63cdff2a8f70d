package org.portcullis.link.mux;

import io.netty.buffer.ByteBuf;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.LinkException;
import org.portcullis.link.frame.ControlCodec;
import org.portcullis.link.frame.LinkFrame;
import org.portcullis.link.frame.StreamOpenCodec;
import org.portcullis.link.frame.StreamSyn;

/**
 * Dispatches the frames the peer sends to the streams and the owner: SYN opens, ACK accepts, RST resets, FIN ends,
 * WINDOW_UPDATE adds credit, CONTROL goes to the listener. A violation of the link protocol throws
 * {@link LinkException} (the link closes); a violation confined to one stream resets that stream.
 */
final class FrameReceiver {
    private static final Logger LOG = LogManager.getLogger();

    private final Multiplexer mux;

    FrameReceiver(Multiplexer mux) {
        this.mux = mux;
    }

    /** Takes ownership of {@code frame}. */
    void onFrame(LinkFrame frame) {
        try {
            switch (frame.type()) {
                case DATA -> onData(frame);
                case WINDOW_UPDATE -> onWindowUpdate(frame);
                case GO_AWAY -> mux.onGoAway(frame.length());
                case CONTROL -> onControl(frame);
                case PING -> LOG.debug("[{}] PING past the heartbeat handler", mux.id());
            }
        } finally {
            frame.release();
        }
    }

    private void onData(LinkFrame frame) {
        if (frame.has(LinkFrame.SYN)) {
            onSyn(frame.streamId(), frame.content());
            return;
        }
        MuxStream stream = mux.streams().get(frame.streamId());
        if (frame.has(LinkFrame.RST)) {
            if (stream != null) {
                stream.onReset(StreamOpenCodec.decodeReason(frame.content()), frame.has(LinkFrame.CLOSE_DOWN));
            }
            return;
        }
        if (stream == null) {
            // Frames in flight when this side reset or ended the stream: dropped.
            LOG.debug("[{}] {} for no live stream", mux.id(), frame);
            return;
        }
        stream.onData(frame.content().retain(), frame.has(LinkFrame.FIN));
    }

    private void onSyn(int streamId, ByteBuf payload) {
        if (!mux.streams().acceptRemoteId(streamId)) {
            throw new LinkException("link protocol: the peer opened stream " + streamId + " (wrong parity or reused)");
        }
        StreamSyn syn;
        try {
            syn = StreamOpenCodec.decode(payload);
        } catch (LinkException e) {
            LOG.warn("[{}] refusing stream {}: {}", mux.id(), streamId, e.getMessage());
            mux.sendReset(streamId, "invalid stream open");
            return;
        }
        String sessionId = syn.open().sessionId();
        if (!mux.accepting()) {
            LOG.info("[{}] refusing link stream {}: the link is going away", sessionId, streamId);
            mux.sendReset(streamId, "link is going away");
            return;
        }
        if (mux.streams().size() >= mux.settings().maxStreams()) {
            LOG.warn("[{}] refusing link stream {}: {} streams is the limit", sessionId, streamId,
                    mux.settings().maxStreams());
            mux.sendReset(streamId, "too many streams");
            return;
        }
        MuxStream stream = MuxStream.accepted(mux, streamId, syn.open(), syn.window());
        mux.streams().put(stream);
        mux.sendAck(streamId);
        LOG.debug("[{}] {} accepted stream {} ({})", sessionId, mux.id(), streamId, syn.open().kind());
        try {
            mux.listener().streamOpened(mux, stream);
        } catch (RuntimeException e) {
            LOG.error("[{}] the link listener failed on streamOpened; resetting stream {}", sessionId, streamId, e);
            stream.resetNow("internal error");
        }
    }

    private void onWindowUpdate(LinkFrame frame) {
        MuxStream stream = mux.streams().get(frame.streamId());
        if (stream == null) {
            return;
        }
        if (frame.has(LinkFrame.RST)) {
            stream.onReset("reset by peer", false);
        } else if (frame.has(LinkFrame.ACK)) {
            stream.onAck(frame.length());
        } else {
            stream.onWindowUpdate(frame.length());
        }
    }

    private void onControl(LinkFrame frame) {
        ControlMessage message = ControlCodec.decode(frame.content());
        if (message == null) {
            // A newer peer's control type: ignored, so both ends can be upgraded one after the other.
            LOG.warn("[{}] ignoring a control message of unknown type {}", mux.id(),
                    frame.content().getUnsignedByte(frame.content().readerIndex()));
            return;
        }
        LOG.debug("[{}] received {}", mux.id(), message);
        try {
            mux.listener().control(mux, message);
        } catch (RuntimeException e) {
            LOG.error("[{}] the link listener failed on {}", mux.id(), message, e);
        }
    }
}
