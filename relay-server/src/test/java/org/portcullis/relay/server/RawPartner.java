package org.portcullis.relay.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.ParseMode;
import org.portcullis.oftp2.frame.OftpCommandDecoder;
import org.portcullis.oftp2.frame.StbFrameDecoder;
import org.portcullis.relay.server.session.StbFrames;

/** A partner that writes hand-made octets over TLS and collects the commands it gets back. */
final class RawPartner implements AutoCloseable {
    private final Channel channel;
    private final BlockingQueue<Object> received;

    private RawPartner(Channel channel, BlockingQueue<Object> received) {
        this.channel = channel;
        this.received = received;
    }

    /** Connects and completes the TLS handshake (or throws its failure). */
    static RawPartner connect(EventLoopGroup group, InetSocketAddress relay, SslContext tls, Duration timeout)
            throws Exception {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("tls", tls.newHandler(ch.alloc(), relay.getHostString(), relay.getPort()));
                        ch.pipeline().addLast("stbFrame", new StbFrameDecoder());
                        ch.pipeline().addLast("oftpCodec", new OftpCommandDecoder(new CommandParser(ParseMode.STRICT)));
                        ch.pipeline().addLast("collect", new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object message) {
                                received.add(message);
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                received.add(cause);
                            }
                        });
                    }
                }).connect(relay).sync().channel();
        channel.pipeline().get(SslHandler.class).handshakeFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new RawPartner(channel, received);
    }

    /** Sends a command as one frame. */
    void send(OftpCommand command) {
        channel.writeAndFlush(StbFrames.encode(channel.alloc(), command));
    }

    /** Sends octets as they are. */
    void sendRaw(byte[] octets) {
        ByteBuf buffer = Unpooled.wrappedBuffer(octets);
        channel.writeAndFlush(buffer);
    }

    /** The next command received; fails on a timeout or a decoding fault. */
    OftpCommand next(Duration timeout) throws InterruptedException {
        Object next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("nothing received within " + timeout);
        }
        if (next instanceof Throwable fault) {
            throw new AssertionError("receiving failed", fault);
        }
        return (OftpCommand) next;
    }

    boolean isOpen() {
        return channel.isActive();
    }

    /** Whether the relay closed the connection within the timeout. */
    boolean closedWithin(Duration timeout) {
        return channel.closeFuture().awaitUninterruptibly(timeout.toMillis());
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        received.forEach(ReferenceCountUtil::release);
    }
}
