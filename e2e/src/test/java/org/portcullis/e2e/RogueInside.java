package org.portcullis.e2e;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.portcullis.oftp2.command.Cd;
import org.portcullis.oftp2.command.Cdt;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.ParseMode;
import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Sfid;
import org.portcullis.oftp2.command.Sfpa;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;
import org.portcullis.oftp2.frame.OftpCommandDecoder;
import org.portcullis.oftp2.frame.StbFrameDecoder;

/**
 * An inside daemon that breaks RFC 5024 in the middle of a session, each connection the same way: it starts
 * correctly (SSRM, an SSID answering the partner's), then commits its {@link Misdeed}.
 */
final class RogueInside implements AutoCloseable {
    /** What the rogue does wrong, and the ESID reason relay-server must end the partner's session with. */
    enum Misdeed {
        /** Right after its SSID, a command whose code RFC 5024 does not know: ESID 01. */
        UNKNOWN_COMMAND,
        /** Answers the partner's SFID with an SFPA whose SFPAACNT is not a number: ESID 06. */
        MALFORMED_FIELD,
        /** Answers the partner's SFID with CDT instead of SFPA or SFNA: ESID 02. */
        OUT_OF_ORDER,
        /** Given the turn by CD, sends a file and one DATA more than the partner's credit: ESID 02. */
        DATA_BEYOND_CREDIT
    }

    /** The credit the rogue agrees to as Speaker, so one DATA more is the violation. */
    private static final int CREDIT = 1;

    private final Channel serverChannel;
    private final AtomicInteger closed = new AtomicInteger();

    RogueInside(EventLoopGroup group, Misdeed misdeed) throws InterruptedException {
        this.serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast("stbFrame", new StbFrameDecoder())
                                .addLast("oftpCodec", new OftpCommandDecoder(new CommandParser(ParseMode.LENIENT)))
                                .addLast("rogue", new Rogue(misdeed, closed));
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Connections to the rogue that were closed (by relay-client, once relay-server ended the session). */
    int closedConnections() {
        return closed.get();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }

    /** One connection of the rogue: answers what the partner sends until its misdeed. */
    private static final class Rogue extends ChannelInboundHandlerAdapter {
        private final Misdeed misdeed;
        private final AtomicInteger closed;

        Rogue(Misdeed misdeed, AtomicInteger closed) {
            this.misdeed = misdeed;
            this.closed = closed;
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closed.incrementAndGet();
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            send(ctx, Frames.frame(Ssrm.INSTANCE));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                if (message instanceof OftpCommand command) {
                    answer(ctx, command);
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        private void answer(ChannelHandlerContext ctx, OftpCommand command) {
            if (command instanceof Ssid partner) {
                send(ctx, Frames.frame(Ssid.builder().odetteId(TestConfig.INSIDE_ID)
                        .password(TestConfig.INSIDE_PASSWORD).bufferSize(partner.bufferSize())
                        .credit(misdeed == Misdeed.DATA_BEYOND_CREDIT ? CREDIT : partner.credit())
                        .mode(partner.mode() == SendReceiveMode.RECEIVER_ONLY ? SendReceiveMode.SENDER_ONLY
                                : SendReceiveMode.BOTH).build()));
                if (misdeed == Misdeed.UNKNOWN_COMMAND) {
                    send(ctx, Frames.frame(new byte[] {'Z'}));
                }
            } else if (command instanceof Sfid) {
                answerFile(ctx);
            } else if (command instanceof Cd && misdeed == Misdeed.DATA_BEYOND_CREDIT) {
                send(ctx, Frames.frame(Sfid.builder().datasetName("ROGUE").timestamp(LocalDateTime.now(), 1)
                        .destination(TestConfig.PARTNER_ID).originator(TestConfig.INSIDE_ID).fileSize(1).build()));
            } else if (command instanceof Sfpa && misdeed == Misdeed.DATA_BEYOND_CREDIT) {
                // Both DATA in one write: relay-server sees the second before any CDT could come back.
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                for (int i = 0; i <= CREDIT; i++) {
                    data.writeBytes(Frames.frame(Frames.data(126)));
                }
                send(ctx, data.toByteArray());
            }
        }

        private void answerFile(ChannelHandlerContext ctx) {
            if (misdeed == Misdeed.MALFORMED_FIELD) {
                byte[] sfpa = Frames.exchangeBuffer(new Sfpa(0));
                sfpa[1] = 'X';
                send(ctx, Frames.frame(sfpa));
            } else if (misdeed == Misdeed.OUT_OF_ORDER) {
                send(ctx, Frames.frame(Cdt.INSTANCE));
            }
        }

        private static void send(ChannelHandlerContext ctx, byte[] octets) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(octets));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
