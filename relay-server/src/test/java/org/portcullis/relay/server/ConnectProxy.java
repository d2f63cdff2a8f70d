package org.portcullis.relay.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.portcullis.config.Addresses;

/** A minimal HTTP CONNECT proxy on loopback, the egress proxy of outgoing-route tests; it counts its tunnels. */
final class ConnectProxy implements AutoCloseable {
    private final Channel server;
    private final AtomicInteger tunnels;

    private ConnectProxy(Channel server, AtomicInteger tunnels) {
        this.server = server;
        this.tunnels = tunnels;
    }

    static ConnectProxy start(EventLoopGroup group) throws InterruptedException {
        AtomicInteger tunnels = new AtomicInteger();
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast("http", new HttpServerCodec())
                                .addLast("aggregate", new HttpObjectAggregator(8192))
                                .addLast("connect", new ConnectHandler(tunnels));
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        return new ConnectProxy(server, tunnels);
    }

    /** The proxy as a route names it. */
    String url() {
        return "http://" + Addresses.display((InetSocketAddress) server.localAddress());
    }

    int tunnels() {
        return tunnels.get();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
    }

    /** Answers one CONNECT: dials the target, says 200, then passes octets both ways. */
    private static final class ConnectHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final AtomicInteger tunnels;

        ConnectHandler(AtomicInteger tunnels) {
            this.tunnels = tunnels;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (request.method() != HttpMethod.CONNECT) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.METHOD_NOT_ALLOWED)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            Channel client = ctx.channel();
            client.config().setAutoRead(false);
            InetSocketAddress target = Addresses.parseHostPort(request.uri(), 443);
            new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
                    .option(ChannelOption.AUTO_READ, false).handler(new Forward(client))
                    .connect(target.isUnresolved() ? new InetSocketAddress(target.getHostString(), target.getPort())
                            : target)
                    .addListener(connected -> {
                        if (!connected.isSuccess()) {
                            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                    HttpResponseStatus.BAD_GATEWAY)).addListener(ChannelFutureListener.CLOSE);
                            return;
                        }
                        tunnels.incrementAndGet();
                        Channel upstream = ((ChannelFuture) connected).channel();
                        ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
                        client.pipeline().remove("http");
                        client.pipeline().remove("aggregate");
                        client.pipeline().replace(this, "forward", new Forward(upstream));
                        client.config().setAutoRead(true);
                        upstream.config().setAutoRead(true);
                    });
        }
    }

    /** Writes what one side reads to the other side; closes the other side after its last write. */
    private static final class Forward extends ChannelInboundHandlerAdapter {
        private final Channel other;

        Forward(Channel other) {
            this.other = other;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            other.writeAndFlush(message);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            other.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
