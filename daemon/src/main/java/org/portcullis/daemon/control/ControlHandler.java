package org.portcullis.daemon.control;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The {@code control} handler of one connection: the first line must be the secret, else the connection is
 * closed without a word (and logged); the second is the command, whose answer is written before closing.
 */
final class ControlHandler extends SimpleChannelInboundHandler<String> {
    private static final Logger LOG = LogManager.getLogger();

    private final ControlSecret secret;
    private final ControlCommands commands;
    private boolean authenticated;
    private boolean done;

    ControlHandler(ControlSecret secret, ControlCommands commands) {
        this.secret = secret;
        this.commands = commands;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
        if (done) {
            // Lines decoded from what was read before the connection closed.
            return;
        }
        if (!authenticated) {
            if (!secret.matches(line)) {
                done = true;
                LOG.warn("control connection from {} refused: wrong secret", ctx.channel().remoteAddress());
                ctx.close();
                return;
            }
            authenticated = true;
            return;
        }
        // One request per connection: nothing more is read.
        done = true;
        ctx.channel().config().setAutoRead(false);
        String command = line.strip();
        LOG.debug("control command from {}: {}", ctx.channel().remoteAddress(), command);
        ctx.writeAndFlush(commands.execute(command).wire()).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof ReadTimeoutException) {
            LOG.debug("control connection from {} closed: no request within the time", ctx.channel().remoteAddress());
        } else if (cause instanceof TooLongFrameException) {
            LOG.warn("control connection from {} closed: a line longer than {} octets", ctx.channel().remoteAddress(),
                    ControlInitializer.MAX_LINE);
        } else {
            LOG.debug("control connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }
}
