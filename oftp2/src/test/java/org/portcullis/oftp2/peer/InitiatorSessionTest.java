package org.portcullis.oftp2.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.command.Cd;
import org.portcullis.oftp2.command.Eerp;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.Rtr;
import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Sfid;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;

/** The Initiator's turn-taking (RFC 5024 §4.3, §4.6, §5.3.13), command by command on an in-memory channel. */
class InitiatorSessionTest {
    private static final String OWN_ID = "O0013000000INITIATOR";
    private static final String PARTNER_ID = "O0013000000RESPONDER";

    @TempDir
    Path temp;

    private final List<SessionResult> results = new ArrayList<>();
    private EmbeddedChannel channel;

    @AfterEach
    void stop() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void sendsReceiptsOwedFromAnEarlierSessionThenHandsOverAndEndsAfterCd() throws Exception {
        Path inbox = Files.createDirectories(temp.resolve("in"));
        new ReceiptStore(inbox).owe(Sfid.builder().datasetName("OLD.TXT").date("20260101").time("1200000001")
                .destination(OWN_ID).originator(PARTNER_ID).build());
        start(PeerConfig.builder(OWN_ID, "ISECRET").receiveDir(inbox).build());

        channel.writeInbound(Ssrm.INSTANCE);
        Ssid own = assertInstanceOf(Ssid.class, channel.readOutbound());
        assertEquals(SendReceiveMode.RECEIVER_ONLY, own.mode(), "a peer without a send folder only receives");
        channel.writeInbound(answer(own));
        Eerp eerp = assertInstanceOf(Eerp.class, channel.readOutbound(), "the receipt owed goes first");
        assertEquals("OLD.TXT", eerp.datasetName());
        assertEquals(PARTNER_ID, eerp.destination());

        channel.writeInbound(Rtr.INSTANCE);
        assertEquals(Cd.INSTANCE, channel.readOutbound());
        assertTrue(new ReceiptStore(inbox).owedTo(PARTNER_ID).isEmpty(), "RTR settles the receipt");

        // The Responder speaks (it may not hand the turn straight back), then hands over.
        channel.writeInbound(Eerp.builder().datasetName("GONE.TXT").date("20260101").time("1200000002")
                .destination(OWN_ID).originator(PARTNER_ID).build());
        assertEquals(Rtr.INSTANCE, channel.readOutbound(), "a receipt for an unknown file is still answered");
        channel.writeInbound(Cd.INSTANCE);
        Esid esid = assertInstanceOf(Esid.class, channel.readOutbound(), "nothing left after CD: normal end");
        assertEquals(EsidReason.NORMAL_TERMINATION, esid.reason());
    }

    @Test
    void refusesACdHandedStraightBack() throws Exception {
        start(PeerConfig.builder(OWN_ID, "ISECRET").sendDir(Files.createDirectories(temp.resolve("out"))).build());
        channel.writeInbound(Ssrm.INSTANCE);
        channel.writeInbound(answer(channel.readOutbound()));
        assertEquals(Cd.INSTANCE, channel.readOutbound());

        channel.writeInbound(Cd.INSTANCE);

        Esid esid = assertInstanceOf(Esid.class, channel.readOutbound());
        assertEquals(EsidReason.PROTOCOL_VIOLATION, esid.reason(), "an unsolicited CD may not be handed straight back");
    }

    @Test
    void handsOverAtOnceWhenItHasNothingToSend() throws Exception {
        start(PeerConfig.builder(OWN_ID, "ISECRET").sendDir(Files.createDirectories(temp.resolve("out"))).build());

        channel.writeInbound(Ssrm.INSTANCE);
        channel.writeInbound(answer(channel.readOutbound()));

        assertEquals(Cd.INSTANCE, channel.readOutbound(), "the first Speaker may not end the session");
        assertNull(channel.readOutbound());
    }

    private void start(PeerConfig config) {
        channel = new EmbeddedChannel(new SessionHandler(config, Role.INITIATOR, false,
                ImmediateEventExecutor.INSTANCE, results::add));
    }

    private static Ssid answer(Ssid initiator) {
        SendReceiveMode mode = switch (initiator.mode()) {
            case SENDER_ONLY -> SendReceiveMode.RECEIVER_ONLY;
            case RECEIVER_ONLY -> SendReceiveMode.SENDER_ONLY;
            case BOTH -> SendReceiveMode.BOTH;
        };
        return Ssid.builder().odetteId(PARTNER_ID).password("RSECRET").mode(mode).build();
    }
}
