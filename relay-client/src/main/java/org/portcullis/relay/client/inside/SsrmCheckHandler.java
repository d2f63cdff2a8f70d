package org.portcullis.relay.client.inside;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.LinkStream;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.ParseMode;
import org.portcullis.oftp2.command.Ssrm;
import org.portcullis.relay.client.stream.ClientSession;
import org.portcullis.relay.client.stream.StreamRelayHandler;

/**
 * Reads the inside daemon's first exchange buffer and checks that it is SSRM (RFC 5024 §5.3.1), within a time
 * limit. The SSRM is swallowed, because relay-server already sent the partner its own; then this handler and the
 * frame decoder leave the pipeline and {@code relay} carries the session's octets unchanged. Anything else, or
 * nothing in time, goes to {@code errors}, which resets the stream.
 */
final class SsrmCheckHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private final LinkStream stream;
    private final ClientSession session;
    private final Duration timeout;
    private final CommandParser parser = new CommandParser(ParseMode.STRICT);
    private ScheduledFuture<?> timer;
    private boolean checked;

    SsrmCheckHandler(LinkStream stream, ClientSession session, Duration timeout) {
        this.stream = stream;
        this.session = session;
        this.timeout = timeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> ctx.fireExceptionCaught(new OftpProtocolException(EsidReason.TIME_OUT,
                "SSRM", "the inside daemon sent no SSRM within " + timeout.toMillis() + " ms")),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        // Auto-read is off: ask for the first octets; the frame decoder asks for more until a frame is complete.
        ctx.read();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        OftpCommand command;
        try {
            command = parser.parse((ByteBuf) msg);
        } catch (OftpProtocolException e) {
            ctx.fireExceptionCaught(e);
            return;
        } finally {
            ReferenceCountUtil.release(msg);
        }
        // A DATA buffer holds its own retained slice of the frame.
        ReferenceCountUtil.release(command);
        if (!(command instanceof Ssrm)) {
            ctx.fireExceptionCaught(new OftpProtocolException(EsidReason.PROTOCOL_VIOLATION, null,
                    "the inside daemon sent " + command.commandCode() + " instead of SSRM"));
            return;
        }
        checked = true;
        timer.cancel(false);
        LOG.debug("{} inside daemon sent SSRM; swallowed, relaying", session.tag());
        ctx.pipeline().addBefore(InsideInitializer.ERRORS, InsideInitializer.RELAY,
                new StreamRelayHandler(stream, session));
        ctx.pipeline().remove(this);
        // Octets behind the SSRM, if any, pass from the decoder to the relay as it leaves.
        ctx.pipeline().remove(InsideInitializer.STB_FRAME);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
        }
        if (!checked) {
            ctx.fireExceptionCaught(new OftpProtocolException(EsidReason.PROTOCOL_VIOLATION, "SSRM",
                    "the inside daemon closed the connection before its SSRM"));
        }
        ctx.fireChannelInactive();
    }
}
