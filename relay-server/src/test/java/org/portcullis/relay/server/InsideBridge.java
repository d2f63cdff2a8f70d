package org.portcullis.relay.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import org.portcullis.link.LinkStream;
import org.portcullis.link.LinkStreamListener;
import org.portcullis.oftp2.command.Ssrm;
import org.portcullis.relay.server.session.StbFrames;

/**
 * What relay-client does with an incoming stream, in small: connects to the inside daemon, swallows its SSRM
 * (the partner had the relay's), then relays octets both ways unchanged, credit returned after each write.
 */
final class InsideBridge extends ChannelInboundHandlerAdapter implements LinkStreamListener {
    private static final byte[] SSRM_FRAME = ssrmFrame();

    private final LinkStream stream;
    private final InsideGate gate;
    private final ByteBuf ssrm = Unpooled.buffer(SSRM_FRAME.length);
    private final ArrayDeque<Runnable> held = new ArrayDeque<>();
    private Channel channel;
    private boolean ssrmSwallowed;
    private long forwarded;

    private InsideBridge(LinkStream stream, InsideGate gate) {
        this.stream = stream;
        this.gate = gate;
    }

    /** @param gate what holds octets from the stream back, so a test can keep a transfer running */
    static void connect(EventLoopGroup group, InetSocketAddress inside, LinkStream stream, InsideGate gate) {
        new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new InsideBridge(stream, gate))
                .connect(inside).addListener(done -> {
                    if (!done.isSuccess()) {
                        stream.reset("inside daemon unreachable");
                    }
                });
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
        gate.opened().whenComplete((ignored, failure) -> channel.eventLoop().execute(() -> {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }));
        ctx.fireChannelActive();
    }

    /** Runs {@code task} on the inside channel's event loop unless the gate holds it, in the order given. */
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
        if (!ssrmSwallowed) {
            ssrm.writeBytes(data, Math.min(data.readableBytes(), ssrm.writableBytes()));
            if (ssrm.isWritable()) {
                data.release();
                return;
            }
            ssrmSwallowed = true;
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
        ssrm.release();
        stream.close();
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
        whenOpen(() -> {
            if (reset) {
                channel.close();
            } else {
                channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        });
    }
}
