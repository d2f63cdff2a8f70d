package org.portcullis.benchmarks.relay;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.time.LocalDateTime;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.command.Cd;
import org.portcullis.oftp2.command.Eerp;
import org.portcullis.oftp2.command.Efid;
import org.portcullis.oftp2.command.Efpa;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Rtr;
import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Sfid;
import org.portcullis.oftp2.command.Sfpa;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;

/**
 * An Initiator that moves no file octets (RFC 5024 §4.2 to §4.5): it answers SSRM with SSID and, after the
 * partner's SSID, either holds the session open or times empty files: SFID, SFPA (the round trip measured),
 * EFID, EFPA, as many times as asked. It then hands the turn over with CD, answers each EERP with RTR and
 * ends with ESID 00 when the turn comes back. Runs on the event loop: it touches no file.
 */
final class ProbeHandler extends ChannelInboundHandlerAdapter {
    private final Target target;
    private final ProbeSession probe;
    private final long[] roundTrips;
    private final LocalDateTime day = LocalDateTime.now();
    private int exchange;
    private long sfidSentAt;
    private boolean ended;

    ProbeHandler(Target target, ProbeSession probe) {
        this.target = target;
        this.probe = probe;
        this.roundTrips = new long[probe.exchanges()];
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            if (message instanceof OftpCommand command) {
                onCommand(ctx, command);
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        probe.fail(cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (probe.exchanges() == 0 && probe.started().isDone()) {
            probe.finished().complete(new long[0]);
        } else if (!ended) {
            probe.fail(new IOException("the connection closed during the session"));
        }
        ctx.fireChannelInactive();
    }

    private void onCommand(ChannelHandlerContext ctx, OftpCommand command) {
        if (command instanceof Ssrm) {
            send(ctx, Ssid.builder().odetteId(target.odetteId).password(target.password)
                    .mode(SendReceiveMode.SENDER_ONLY).build());
        } else if (command instanceof Ssid) {
            probe.started().complete(null);
            if (probe.exchanges() > 0) {
                sendSfid(ctx);
            }
        } else if (command instanceof Sfpa) {
            roundTrips[exchange++] = System.nanoTime() - sfidSentAt;
            send(ctx, new Efid(0, 0));
        } else if (command instanceof Efpa) {
            if (exchange < roundTrips.length) {
                sendSfid(ctx);
            } else {
                send(ctx, Cd.INSTANCE);
            }
        } else if (command instanceof Eerp) {
            send(ctx, Rtr.INSTANCE);
        } else if (command instanceof Cd) {
            ended = true;
            ctx.writeAndFlush(Esid.of(EsidReason.NORMAL_TERMINATION)).addListener(ChannelFutureListener.CLOSE);
            probe.finished().complete(roundTrips);
        } else if (command instanceof Esid esid) {
            probe.fail(new IOException("the partner ended the session: " + esid));
            ctx.close();
        } else {
            probe.fail(new IOException("unexpected " + command.commandCode()));
            ctx.close();
        }
    }

    /** An empty file with a name of its own, so that the daemon keeps every one. */
    private void sendSfid(ChannelHandlerContext ctx) {
        String name = "P" + ctx.channel().id().asShortText().toUpperCase() + "-" + exchange;
        Sfid sfid = Sfid.builder().datasetName(name).timestamp(day, exchange % 9999 + 1)
                .destination(target.destination).originator(target.odetteId).build();
        sfidSentAt = System.nanoTime();
        send(ctx, sfid);
    }

    private void send(ChannelHandlerContext ctx, OftpCommand command) {
        ctx.writeAndFlush(command).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }
}
