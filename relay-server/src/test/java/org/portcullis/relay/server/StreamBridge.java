package org.portcullis.relay.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.function.Supplier;
import org.portcullis.link.Link;
import org.portcullis.link.LinkStream;
import org.portcullis.link.LinkStreamListener;
import org.portcullis.link.StreamKind;
import org.portcullis.link.StreamOpen;
import org.portcullis.oftp2.command.Ssrm;
import org.portcullis.relay.server.session.StbFrames;

/**
 * What relay-client does with a session, in small: octets between a link stream and the inside daemon's socket,
 * unchanged, credit returned after each write. For an incoming stream it connects to the inside daemon and
 * swallows its SSRM (the partner had the relay's); for an outgoing route it accepts the inside daemon and opens
 * the stream.
 */
final class StreamBridge extends ChannelInboundHandlerAdapter implements LinkStreamListener {
    private static final byte[] SSRM_FRAME = ssrmFrame();

    private final InsideGate gate;
    private final boolean swallowSsrm;
    private final ByteBuf ssrm = Unpooled.buffer(SSRM_FRAME.length);
    private final ArrayDeque<Runnable> held = new ArrayDeque<>();
    private LinkStream stream;
    private Channel channel;
    private long forwarded;

    private StreamBridge(LinkStream stream, InsideGate gate, boolean swallowSsrm) {
        this.stream = stream;
        this.gate = gate;
        this.swallowSsrm = swallowSsrm;
    }

    /**
     * Carries an incoming stream to the inside daemon.
     *
     * @param gate what holds octets from the stream back, so a test can keep a transfer running
     */
    static void connect(EventLoopGroup group, InetSocketAddress inside, LinkStream stream, InsideGate gate) {
        new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new StreamBridge(stream, gate, true))
                .connect(inside).addListener(done -> {
                    if (!done.isSuccess()) {
                        stream.reset("inside daemon unreachable");
                    }
                });
    }

    /** Listens on a route's local port: each inside connection gets an outgoing stream on the current link. */
    static Channel listen(EventLoopGroup group, String routeName, Supplier<Link> link) throws InterruptedException {
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelActive(ChannelHandlerContext ctx) {
                        StreamBridge bridge = new StreamBridge(null, InsideGate.OPEN, false);
                        ctx.pipeline().addLast(bridge);
                        ctx.pipeline().remove(this);
                        bridge.open(ctx.channel(), link.get(), routeName);
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    private void open(Channel inside, Link link, String routeName) {
        channel = inside;
        link.openStream(new StreamOpen(StreamKind.OUTGOING, UUID.randomUUID().toString().substring(0, 8), null,
                routeName, inside.remoteAddress().toString())).whenComplete((opened, failure) ->
                        inside.eventLoop().execute(() -> {
                            if (failure != null) {
                                inside.close();
                                return;
                            }
                            stream = opened;
                            opened.setListener(this);
                            inside.config().setAutoRead(true);
                        }));
    }

    private static byte[] ssrmFrame() {
        ByteBuf frame = StbFrames.encode(ByteBufAllocator.DEFAULT, Ssrm.INSTANCE);
        try {
            return ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        ctx.fireChannelActive();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        gate.opened().whenComplete((ignored, failure) -> ctx.channel().eventLoop().execute(() -> {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }));
    }

    /** Runs {@code task} on the socket's event loop unless the gate holds it, in the order given. */
    private void whenOpen(Runnable task) {
        channel.eventLoop().execute(() -> {
            if (held.isEmpty() && (forwarded < gate.holdAfter() || gate.opened().isDone())) {
                task.run();
            } else {
                held.add(task);
                gate.holding().complete(null);
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf data = (ByteBuf) message;
        if (swallowSsrm && ssrm.isWritable()) {
            ssrm.writeBytes(data, Math.min(data.readableBytes(), ssrm.writableBytes()));
            if (ssrm.isWritable()) {
                data.release();
                return;
            }
            if (!ByteBufUtil.equals(ssrm, Unpooled.wrappedBuffer(SSRM_FRAME))) {
                data.release();
                stream.reset("the inside daemon did not start with SSRM");
                ctx.close();
                return;
            }
            stream.setListener(this);
            if (!data.isReadable()) {
                data.release();
                return;
            }
        }
        stream.write(data);
        if (!stream.isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // What the gate still holds goes nowhere now: the writes fail and release their octets.
        while (!held.isEmpty()) {
            held.poll().run();
        }
        ssrm.release();
        if (stream != null) {
            stream.close();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void onData(LinkStream linkStream, ByteBuf data) {
        int octets = data.readableBytes();
        whenOpen(() -> {
            forwarded += octets;
            channel.writeAndFlush(data).addListener(done -> {
                if (done.isSuccess()) {
                    linkStream.consumed(octets);
                }
            });
        });
    }

    @Override
    public void onWritabilityChanged(LinkStream linkStream, boolean writable) {
        channel.eventLoop().execute(() -> channel.config().setAutoRead(writable));
    }

    @Override
    public void onClosed(LinkStream linkStream, boolean reset, String reason) {
        if (reset) {
            channel.eventLoop().execute(channel::close);
        } else {
            whenOpen(() -> channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE));
        }
    }
}
