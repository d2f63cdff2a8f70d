package org.portcullis.relay.server.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.portcullis.relay.server.session.IdleTimer;

/** An accepted connection moved to another event loop keeps its pipeline, its idle timer and its octets. */
@Timeout(30)
class LinkLoopMoveTest {
    private static final long WAIT_SECONDS = 10;

    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Channel> accepted = new CompletableFuture<>();
    private Channel listener;
    private Channel peer;

    @BeforeEach
    void connect() throws Exception {
        listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline()
                                .addLast(IdleTimer.NAME, IdleTimer.of(Duration.ofMinutes(1)))
                                .addLast("record", new Recorder());
                        accepted.complete(channel);
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        peer = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInboundHandlerAdapter()).connect(listener.localAddress()).sync().channel();
    }

    @AfterEach
    void close() {
        if (peer != null) {
            peer.close().syncUninterruptibly();
        }
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void theConnectionRelaysOnTheLinksLoopAfterTheMove() throws Exception {
        Channel channel = accepted.get(WAIT_SECONDS, TimeUnit.SECONDS);
        EventLoop linkLoop = otherLoopThan(channel.eventLoop());
        CompletableFuture<EventLoop> ranOn = new CompletableFuture<>();

        channel.eventLoop().execute(() -> LinkLoopMove.move(channel, linkLoop, Duration.ofMinutes(1), () -> {
            ranOn.complete(linkLoop.inEventLoop() ? linkLoop : null);
            channel.read();
        }, ranOn::completeExceptionally));

        assertSame(linkLoop, ranOn.get(WAIT_SECONDS, TimeUnit.SECONDS), "the session goes on on the link's loop");
        assertSame(linkLoop, channel.eventLoop());
        assertInstanceOf(IdleStateHandler.class, channel.pipeline().first(), "the idle timer is back, first");
        assertEquals(IdleTimer.NAME, channel.pipeline().names().get(0));
        peer.writeAndFlush(Unpooled.copiedBuffer("SFID", StandardCharsets.US_ASCII)).sync();
        assertEquals("SFID", received.poll(WAIT_SECONDS, TimeUnit.SECONDS), "octets read after the move");
    }

    @Test
    void aConnectionAlreadyOnTheLinksLoopStaysAndGoesOnAtOnce() throws Exception {
        Channel channel = accepted.get(WAIT_SECONDS, TimeUnit.SECONDS);
        EventLoop own = channel.eventLoop();
        CompletableFuture<Boolean> ran = new CompletableFuture<>();
        CompletableFuture<Boolean> ranAtOnce = new CompletableFuture<>();

        own.execute(() -> {
            LinkLoopMove.move(channel, own, Duration.ofMinutes(1), () -> ran.complete(own.inEventLoop()),
                    ran::completeExceptionally);
            ranAtOnce.complete(ran.isDone());
        });

        assertTrue(ranAtOnce.get(WAIT_SECONDS, TimeUnit.SECONDS), "no move: it goes on at once");
        assertTrue(ran.get(WAIT_SECONDS, TimeUnit.SECONDS), "on its own loop");
        assertSame(own, channel.eventLoop());
        assertEquals(IdleTimer.NAME, channel.pipeline().names().get(0));
    }

    private EventLoop otherLoopThan(EventLoop loop) {
        for (int i = 0; i < 4; i++) {
            EventLoop next = group.next();
            if (next != loop) {
                return next;
            }
        }
        throw new AssertionError("the group has one loop only");
    }

    /** Keeps what the peer sent. */
    private final class Recorder extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf octets = (ByteBuf) msg;
            try {
                received.add(octets.toString(StandardCharsets.US_ASCII));
            } finally {
                octets.release();
            }
        }
    }
}
