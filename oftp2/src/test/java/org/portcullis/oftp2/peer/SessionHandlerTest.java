package org.portcullis.oftp2.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.command.AnswerReason;
import org.portcullis.oftp2.command.Cdt;
import org.portcullis.oftp2.command.Data;
import org.portcullis.oftp2.command.Efid;
import org.portcullis.oftp2.command.Efna;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Sfid;
import org.portcullis.oftp2.command.Sfna;
import org.portcullis.oftp2.command.Sfpa;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;

/**
 * The Responder's reactions to a partner, command by command (RFC 5024 §4, §5.3), on an in-memory
 * channel: the session handler runs its work on the calling thread.
 */
class SessionHandlerTest {
    private static final String OWN_ID = "O0013000000RESPONDER";
    private static final String PARTNER_ID = "O0013000000INITIATOR";

    @TempDir
    Path temp;

    private final List<SessionResult> results = new ArrayList<>();
    private EmbeddedChannel channel;

    @BeforeEach
    void start() {
        PeerConfig config = PeerConfig.builder(OWN_ID, "RSECRET").receiveDir(temp).credit(2)
                .expectPartner(PARTNER_ID, "ISECRET").build();
        channel = new EmbeddedChannel(new SessionHandler(config, Role.RESPONDER, false,
                ImmediateEventExecutor.INSTANCE, results::add));
        assertInstanceOf(Ssrm.class, channel.readOutbound(), "the Responder speaks first");
    }

    @AfterEach
    void stop() {
        channel.finishAndReleaseAll();
    }

    @Test
    void refusesSecureAuthenticationWithEsid12() {
        channel.writeInbound(ssid().secureAuthentication(true).build());

        assertEsid(EsidReason.SECURE_AUTHENTICATION_REQUIREMENTS_INCOMPATIBLE);
    }

    @Test
    void answersWithTheLowerCredit() {
        channel.writeInbound(ssid().credit(999).bufferSize(4096).build());

        Ssid answer = assertInstanceOf(Ssid.class, channel.readOutbound());
        assertEquals(2, answer.credit());
        assertEquals(4096, answer.bufferSize());
        assertEquals(OWN_ID, answer.odetteId());
    }

    @Test
    void refusesDatasetNameThatWouldLeaveTheFolder() {
        startSession();

        channel.writeInbound(sfid("../ESCAPE", 1).build());

        Sfna sfna = assertInstanceOf(Sfna.class, channel.readOutbound());
        assertEquals(AnswerReason.INVALID_FILENAME, sfna.reason());
        assertTrue(Files.notExists(temp.resolveSibling("ESCAPE")));
    }

    @Test
    void grantsCreditWhenTheWindowIsUsedAndRefusesWrongOctetCount() throws Exception {
        startSession();
        channel.writeInbound(sfid("FILE", 1).build());
        assertEquals(new Sfpa(0), channel.readOutbound());

        channel.writeInbound(data("AB"), data("CD"));
        assertEquals(Cdt.INSTANCE, channel.readOutbound(), "CDT after a window of 2 DATA");
        channel.writeInbound(new Efid(0, 5));

        Efna efna = assertInstanceOf(Efna.class, channel.readOutbound());
        assertEquals(AnswerReason.INVALID_BYTE_COUNT, efna.reason());
        assertTrue(Files.notExists(temp.resolve("FILE")));
        assertTrue(Files.notExists(temp.resolve(".FILE.part")), "a refused file leaves nothing to restart from");
    }

    @Test
    void resumesFromTheWholeKibibytesOfAPartialFileWithTheSameIdentity() throws Exception {
        startSession();
        channel.writeInbound(sfid("FILE", 0).build());
        assertEquals(new Sfpa(0), channel.readOutbound());
        channel.writeInbound(data("x".repeat(60)));
        for (int i = 0; i < 40; i++) {
            channel.writeInbound(data("y".repeat(60)));
            ReferenceCountUtil.release(channel.readOutbound());
        }
        channel.close();
        assertEquals(SessionOutcome.CONNECTION_FAILED, results.get(0).outcome());

        start();
        startSession();
        channel.writeInbound(sfid("FILE", 5).build());

        assertEquals(new Sfpa(2), channel.readOutbound(), "2460 octets received: 2 whole KiB");
        assertEquals(2048, Files.size(temp.resolve(".FILE.part")));
    }

    @Test
    void endsWithEsid02WhenDataComesWithoutAFile() {
        startSession();

        channel.writeInbound(data("AB"));

        assertEsid(EsidReason.PROTOCOL_VIOLATION);
    }

    private void startSession() {
        channel.writeInbound(ssid().build());
        assertInstanceOf(Ssid.class, channel.readOutbound());
    }

    private void assertEsid(EsidReason reason) {
        OftpCommand command = channel.readOutbound();
        Esid esid = assertInstanceOf(Esid.class, command);
        assertEquals(reason, esid.reason());
        // The partner does not close: the grace period runs out and this side closes.
        channel.advanceTimeBy(3, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertFalse(channel.isOpen());
        assertEquals(SessionOutcome.ENDED_BY_THIS_PEER, results.get(0).outcome());
        assertEquals(reason, results.get(0).esidSent().reason());
    }

    private static Ssid.Builder ssid() {
        return Ssid.builder().odetteId(PARTNER_ID).password("ISECRET").credit(2);
    }

    private static org.portcullis.oftp2.command.SfidBuilder sfid(String name, long restartBlocks) {
        return Sfid.builder().datasetName(name).date("20260101").time("1200000001").destination(OWN_ID)
                .originator(PARTNER_ID).restartPosition(restartBlocks);
    }

    /** One DATA with the text as a single subrecord (at most 63 octets). */
    private static Data data(String text) {
        byte[] octets = text.getBytes(StandardCharsets.US_ASCII);
        return new Data(Unpooled.buffer().writeByte(octets.length).writeBytes(octets));
    }
}
