package org.portcullis.benchmarks.relay;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import javax.net.ssl.SSLException;

/** Opens probe sessions (RFC 5024 §4.2) to one target, over one TLS context. */
final class ProbeClient {
    private final Target target;
    private final EventLoopGroup group;
    private final SslContext sslContext;

    ProbeClient(Target target, EventLoopGroup group) throws SSLException {
        this.target = target;
        this.group = group;
        this.sslContext = target.tls ? target.peerTls().newClientContext() : null;
    }

    /** Connects; the probe's futures tell how the session goes. Returns the channel, to close it later. */
    Channel open(ProbeSession probe) {
        ChannelFuture connect = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ProbeInitializer(target, sslContext, probe)).connect(target.address);
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                probe.fail(done.cause());
            }
        });
        return connect.channel();
    }
}
