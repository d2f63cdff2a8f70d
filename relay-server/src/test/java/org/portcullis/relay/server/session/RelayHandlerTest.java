package org.portcullis.relay.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.command.Cd;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;
import org.portcullis.relay.server.license.RunningLicense;
import org.portcullis.relay.server.session.AuditRecord.Verdict;

/** The relay step of an incoming session on an in-memory channel, the test playing relay-client's stream. */
class RelayHandlerTest {
    private static final Ssid PARTNER_SSID = Ssid.builder().odetteId("O0013000000PARTNER").bufferSize(4096).build();

    private final List<AuditRecord> audit = new ArrayList<>();
    private final RecordingLinkStream stream = new RecordingLinkStream();
    private EmbeddedChannel channel;
    private RelaySession session;
    private int reads;

    @BeforeEach
    void admitted() {
        channel = new EmbeddedChannel();
        channel.config().setAutoRead(false);
        channel.pipeline().addLast("reads", new ChannelOutboundHandlerAdapter() {
            @Override
            public void read(ChannelHandlerContext ctx) {
                reads++;
                ctx.read();
            }
        });
        session = new RelaySession("test", RelaySession.Direction.INCOMING, channel,
                new SessionSupport(audit::add, new SessionLimiter(), RunningLicense.unlimited()));
        session.opened();
        session.inspector().fromInside(session.log(), Ssrm.INSTANCE);
        session.inspector().fromPartner(session.log(), PARTNER_SSID);
        session.stream(stream);
        RelayHandler relay = new RelayHandler(session, null);
        channel.pipeline().addLast("relay", relay);
        channel.pipeline().addLast("errors", new SessionErrorHandler(session, Duration.ofMinutes(5)));
        relay.start(PARTNER_SSID);
    }

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
        stream.release();
    }

    private static ByteBuf frame(OftpCommand command) {
        return StbFrames.encode(ByteBufAllocator.DEFAULT, command);
    }

    private void fromInside(ByteBuf octets) {
        stream.listener.onData(stream, octets);
        channel.runPendingTasks();
    }

    @Test
    void passesTheCheckedSsidIntoTheStreamAndAsksForMore() {
        assertEquals(65, stream.written.readableBytes(), "the partner's SSID frame");
        assertEquals(1, reads);
    }

    @Test
    void writesTheInsideSsidToThePartnerAndCreditsEveryOctet() {
        ByteBuf ssid = frame(Ssid.builder().odetteId("O0013000000INSIDE").bufferSize(2048).build());
        int length = ssid.readableBytes();
        fromInside(ssid.readRetainedSlice(10));
        assertEquals(10, stream.consumed, "an incomplete frame is credited at once");
        assertNull(channel.readOutbound());
        fromInside(ssid);
        Ssid passed = assertInstanceOf(Ssid.class, channel.readOutbound());
        assertEquals("O0013000000INSIDE", passed.odetteId());
        assertEquals(length, stream.consumed, "the rest once written to the partner");
    }

    @Test
    void endsTheSessionOnAViolationFromTheInsideWithEsidToThePartnerAndAReset() {
        fromInside(frame(Ssid.builder().odetteId("O0013000000INSIDE").bufferSize(8192).build()));
        Esid esid = assertInstanceOf(Esid.class, channel.readOutbound());
        assertEquals(EsidReason.PROTOCOL_VIOLATION, esid.reason());
        assertTrue(stream.resetReason != null, "the stream is reset");
        assertTrue(channel.isActive(), "the relay waits for the partner to disconnect");
        channel.advanceTimeBy(RelaySession.ESID_LINGER.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertFalse(channel.isActive(), "but not for long");
        assertEquals(Verdict.VIOLATION, audit.get(0).verdict());
    }

    @Test
    void readsThePartnerOnlyWhileTheStreamIsWritable() {
        stream.writable = false;
        channel.pipeline().fireChannelReadComplete();
        assertEquals(1, reads, "no read while the stream is full");
        stream.listener.onWritabilityChanged(stream, true);
        stream.writable = true;
        channel.runPendingTasks();
        assertEquals(2, reads);
    }

    @Test
    void endsNormallyWhenEsid00PassesAfterCd() {
        fromInside(frame(Ssid.builder().odetteId("O0013000000INSIDE").bufferSize(2048).build()));
        channel.readOutbound();
        channel.writeInbound(Cd.INSTANCE);
        fromInside(frame(Esid.normal()));
        assertEquals(EsidReason.NORMAL_TERMINATION, assertInstanceOf(Esid.class, channel.readOutbound()).reason());
        assertTrue(stream.closed, "the stream is closed after what it holds");
        assertNull(stream.resetReason);
        assertFalse(channel.isActive(), "the partner is closed after the flush");
        assertEquals(Verdict.COMPLETED, audit.get(0).verdict());
        assertEquals("ESID 00 from the inside", audit.get(0).reason());
    }

    @Test
    void aCloseDownMidFrameGivesThePartnerEsid05AfterTheLastWholeFrame() {
        fromInside(frame(Ssid.builder().odetteId("O0013000000INSIDE").bufferSize(2048).build()));
        assertInstanceOf(Ssid.class, channel.readOutbound());
        ByteBuf next = frame(Esid.normal());
        fromInside(next.readRetainedSlice(5));
        next.release();

        stream.listener.onClosedDown(stream, "relay-client: relay-client is shutting down");
        channel.runPendingTasks();

        Esid esid = assertInstanceOf(Esid.class, channel.readOutbound(), "ESID, not the half frame");
        assertEquals(EsidReason.LOCAL_SITE_EMERGENCY_CLOSE_DOWN, esid.reason());
        assertNull(channel.readOutbound());
        assertEquals(Verdict.ENDED, audit.get(0).verdict());
        assertEquals(EsidReason.LOCAL_SITE_EMERGENCY_CLOSE_DOWN, audit.get(0).ending().esid());
        assertEquals("the inside closed the session down: relay-client: relay-client is shutting down",
                audit.get(0).reason());
    }
}
