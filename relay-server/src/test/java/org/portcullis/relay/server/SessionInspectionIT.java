package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.config.LimitConfig;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.command.Cdt;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Sfid;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.relay.server.session.AuditRecord.Verdict;
import org.portcullis.relay.server.session.StbFrames;
import org.portcullis.testkit.TestPki;

/**
 * Every command of a relayed session is checked both ways (RFC 5024 §5.3, §9): the first malformed or
 * out-of-order one ends the session on both sides with the ESID reason the RFC prescribes.
 */
@Timeout(120)
class SessionInspectionIT {
    private static final Duration TIMEOUT = RelayHarness.TIMEOUT;
    /** Offset of SFIDFSIZ in an SFID frame: the 4-octet header, then position 112 of the command. */
    private static final int SFIDFSIZ_IN_FRAME = 4 + 112;

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayHarness relay = new RelayHarness(PKI);

    private static Ssid partnerSsid() {
        return Ssid.builder().odetteId(TestRelayConfig.PARTNER_ID).password(TestRelayConfig.PARTNER_PASSWORD)
                .bufferSize(4096).build();
    }

    /** A raw partner past the SSID exchange: it holds the inside daemon's SSID. */
    private RawPartner admittedPartner() throws Exception {
        RawPartner partner = RawPartner.connect(relay.group(), relay.partnerAddress(),
                relay.rawTls(PKI.client(TestRelayConfig.PARTNER_ID)), TIMEOUT);
        assertInstanceOf(Ssrm.class, partner.next(TIMEOUT));
        partner.send(partnerSsid());
        Ssid inside = assertInstanceOf(Ssid.class, partner.next(TIMEOUT));
        assertEquals(TestRelayConfig.INSIDE_ID, inside.odetteId(), "the inside daemon's SSID is passed on");
        return partner;
    }

    private void assertEndedWith(EsidReason reason, RawPartner partner) throws Exception {
        OftpCommand answer = partner.next(TIMEOUT);
        assertEquals(reason, assertInstanceOf(Esid.class, answer).reason(), answer::toString);
        assertTrue(partner.closedWithin(TIMEOUT), "the relay closed the partner's connection");
        assertNotEquals(SessionOutcome.NORMAL_END, relay.nextInsideResult().outcome(), "the inside session ended too");
        relay.awaitAudit(record -> record.verdict() == Verdict.VIOLATION, "the violation's audit record");
    }

    private static Sfid sfid() {
        return Sfid.builder().datasetName("PAYLOAD").timestamp(LocalDateTime.now(), 1)
                .destination(TestRelayConfig.INSIDE_ID).originator(TestRelayConfig.PARTNER_ID).fileSize(1).build();
    }

    @Test
    void endsTheSessionOnAMalformedCommandWithEsid06() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), TIMEOUT);
        try (RawPartner partner = admittedPartner()) {
            ByteBuf frame = StbFrames.encode(ByteBufAllocator.DEFAULT, sfid());
            byte[] octets = ByteBufUtil.getBytes(frame);
            frame.release();
            octets[SFIDFSIZ_IN_FRAME] = 'X';
            partner.sendRaw(octets);
            assertEndedWith(EsidReason.COMMAND_CONTAINED_INVALID_DATA, partner);
        }
    }

    @Test
    void endsTheSessionOnACommandOutOfTurnWithEsid02() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), TIMEOUT);
        try (RawPartner partner = admittedPartner()) {
            partner.send(Cdt.INSTANCE);
            assertEndedWith(EsidReason.PROTOCOL_VIOLATION, partner);
        }
    }

    @Test
    void endsTheSessionOnAnUnknownCommandWithEsid01() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), TIMEOUT);
        try (RawPartner partner = admittedPartner()) {
            partner.sendRaw(new byte[] {0x10, 0, 0, 5, 'Z'});
            assertEndedWith(EsidReason.COMMAND_NOT_RECOGNISED, partner);
        }
    }

    @Test
    void endsTheSessionWhenTheInsideDaemonBreaksTheRulesWithEsid02() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), TIMEOUT);
        Channel rogue = new ServerBootstrap().group(relay.group()).channel(NioServerSocketChannel.class)
                .childHandler(new RogueInside()).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        try {
            relay.client().insideAt((InetSocketAddress) rogue.localAddress());
            try (RawPartner partner = RawPartner.connect(relay.group(), relay.partnerAddress(),
                    relay.rawTls(PKI.client(TestRelayConfig.PARTNER_ID)), TIMEOUT)) {
                assertInstanceOf(Ssrm.class, partner.next(TIMEOUT));
                partner.send(partnerSsid());
                assertEquals(EsidReason.PROTOCOL_VIOLATION,
                        assertInstanceOf(Esid.class, partner.next(TIMEOUT)).reason());
                assertTrue(partner.closedWithin(TIMEOUT));
            }
            relay.awaitAudit(record -> record.verdict() == Verdict.VIOLATION && record.reason().startsWith("inside"),
                    "the violation's audit record");
        } finally {
            rogue.close().sync();
        }
    }

    @Test
    void refusesSessionsBeyondTheLimitWithEsid08() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).limits(new LimitConfig(1,
                LimitConfig.DEFAULT_CONNECTIONS_PER_SOURCE_PER_MINUTE)).json(), TIMEOUT);
        try (RawPartner first = admittedPartner();
                RawPartner second = RawPartner.connect(relay.group(), relay.partnerAddress(),
                        relay.rawTls(PKI.client(TestRelayConfig.PARTNER_ID)), TIMEOUT)) {
            assertEquals(1, relay.server().activeSessions(), "the first session holds the only slot");
            assertInstanceOf(Ssrm.class, second.next(TIMEOUT));
            second.send(partnerSsid());
            assertEquals(EsidReason.RESOURCES_NOT_AVAILABLE,
                    assertInstanceOf(Esid.class, second.next(TIMEOUT)).reason());
            assertTrue(second.closedWithin(TIMEOUT));
            assertEquals(1, relay.client().insideConnections(), "only the first session went inside");
            assertTrue(first.isOpen(), "the first session goes on");
        }
    }

    /** An inside daemon that answers the partner's SSID with a larger buffer size than the partner offered. */
    private static final class RogueInside extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(StbFrames.encode(ctx.alloc(), Ssrm.INSTANCE));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ReferenceCountUtil.release(message);
            ctx.writeAndFlush(StbFrames.encode(ctx.alloc(), Ssid.builder().odetteId(TestRelayConfig.INSIDE_ID)
                    .bufferSize(Ssid.MAX_BUFFER_SIZE).build()));
        }
    }
}
