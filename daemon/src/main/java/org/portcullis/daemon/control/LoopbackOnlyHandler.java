package org.portcullis.daemon.control;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Closes a control connection whose peer is not a loopback address before reading anything: the listener is on
 * loopback, yet a local process can connect to it from one of the host's other addresses.
 */
final class LoopbackOnlyHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        SocketAddress peer = ctx.channel().remoteAddress();
        if (!isLoopback(peer)) {
            LOG.warn("control connection from {} refused: not a loopback address", peer);
            ctx.close();
            return;
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelActive();
    }

    /** Whether a peer is on this host's loopback (127.0.0.0/8, ::1). */
    static boolean isLoopback(SocketAddress peer) {
        return peer instanceof InetSocketAddress address && address.getAddress() != null
                && address.getAddress().isLoopbackAddress();
    }
}
