package org.portcullis.relay.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.portcullis.link.Link;
import org.portcullis.link.LinkStream;
import org.portcullis.link.StreamKind;
import org.portcullis.link.StreamOpen;
import org.portcullis.relay.client.stream.StreamErrorHandler;
import org.portcullis.relay.client.stream.StreamRelayHandler;

/**
 * The partner's side of relay-server, reduced to what relay-client sees, so reference peers can run whole
 * sessions through relay-client: for an incoming session it sends the partner SSRM itself and opens an INCOMING
 * stream; for an outgoing stream it connects to the partner. Octets go through unchanged, no checks.
 */
public final class PartnerBridge implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final FakeRelayServer server;

    public PartnerBridge(FakeRelayServer server) {
        this.server = server;
    }

    /** Listens for a calling partner; each connection becomes an incoming session. */
    public InetSocketAddress listenForPartners() throws InterruptedException {
        Channel listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast("incoming", new IncomingPartner())
                                .addLast("errors", new StreamErrorHandler("bridge", null));
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        return (InetSocketAddress) listener.localAddress();
    }

    /**
     * Carries an outgoing stream relay-client opened to the partner listening at {@code partner}. The relay handler
     * joins the pipeline only once connected: its first read, asked for earlier, would be lost when the connect
     * does not complete at once (the connect replaces the read interest), and the partner's SSRM never relayed.
     */
    public void connectOutgoing(LinkStream stream, InetSocketAddress partner) {
        new Bootstrap().group(group).channel(NioSocketChannel.class).option(ChannelOption.AUTO_READ, false)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast("errors", new StreamErrorHandler("bridge", stream));
                    }
                }).connect(partner).addListener((ChannelFuture connect) -> {
                    if (connect.isSuccess()) {
                        connect.channel().pipeline().addBefore("errors", "relay",
                                new StreamRelayHandler(stream, "bridge"));
                    } else {
                        stream.reset("the bridge cannot reach the partner");
                    }
                });
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Greets the partner with SSRM, as relay-server does, and opens the session's stream. */
    private final class IncomingPartner extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(OftpFrames.ssrm()));
            Link link = server.currentLink();
            link.openStream(new StreamOpen(StreamKind.INCOMING, "bridge-" + ctx.channel().id().asShortText(),
                    "O0013000000PARTNER", null, ctx.channel().remoteAddress().toString().substring(1)))
                    .whenComplete((stream, failure) -> ctx.executor().execute(() -> {
                        if (failure != null) {
                            ctx.close();
                            return;
                        }
                        ctx.pipeline().get(StreamErrorHandler.class).attach(stream);
                        ctx.pipeline().replace(this, "relay", new StreamRelayHandler(stream, "bridge"));
                    }));
        }
    }
}
