package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.command.Cdt;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Sfid;
import org.portcullis.oftp2.command.Sfpa;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.relay.server.session.AuditRecord.Verdict;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * A command that breaks RFC 5024 in the middle of a session (§5.3, §9), from the partner or from the inside daemon,
 * ends that session with the ESID reason the RFC prescribes, while ten other transfers, running at that moment,
 * complete intact.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CommandViolationIT {
    private static final Duration TIMEOUT = RelayPath.TIMEOUT;
    /** SFIDFSIZ in an SFID exchange buffer (RFC 5024 §5.3.3: position 112 of the command). */
    private static final int SFIDFSIZ = 112;
    /** The credit a raw partner offers, so that one DATA more is a violation. */
    private static final int RAW_CREDIT = 1;
    /** How relay-server's audit reasons name the side that broke the rules. */
    private static final String PARTNER = "partner";
    private static final String INSIDE = "inside";

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    private final Partners partners = new Partners(relay);

    @Test
    void endsEachSessionWhosePartnerBreaksTheRulesAndOnlyThat() throws Exception {
        relay.startClient(relay.config());
        HeldTransfers running = HeldTransfers.start(relay, partners, Figures.concurrentTransfers(),
                Figures.concurrentFile());

        byte[] sfid = Frames.exchangeBuffer(sfid(TestConfig.INSIDE_ID, TestConfig.PARTNER_ID));
        sfid[SFIDFSIZ] = 'X';
        assertPartnerEnded(EsidReason.COMMAND_CONTAINED_INVALID_DATA, partner -> send(partner, Frames.frame(sfid)));
        assertPartnerEnded(EsidReason.COMMAND_NOT_RECOGNISED, partner -> send(partner, Frames.frame(new byte[] {'Z'})));
        assertPartnerEnded(EsidReason.PROTOCOL_VIOLATION, partner -> send(partner, Frames.frame(Cdt.INSTANCE)));
        assertPartnerEnded(EsidReason.PROTOCOL_VIOLATION, this::dataBeyondCredit);

        assertFalse(running.anyEnded(), "the held transfers were running all along");
        running.releaseAndAssertIntact();
    }

    @Test
    void endsEachSessionWhoseInsideDaemonBreaksTheRulesAndOnlyThat() throws Exception {
        relay.startClient(relay.config());
        HeldTransfers running = HeldTransfers.start(relay, partners, Figures.concurrentTransfers(),
                Figures.concurrentFile());

        for (RogueInside.Misdeed misdeed : RogueInside.Misdeed.values()) {
            assertInsideEnded(misdeed);
        }

        assertFalse(running.anyEnded(), "the held transfers were running all along");
        running.releaseAndAssertIntact();
    }

    /** A raw partner admitted and past the SSID exchange does {@code violation}; the relay ends its session. */
    private void assertPartnerEnded(EsidReason reason, Violation violation) throws Exception {
        long before = violations(PARTNER);
        try (RawPartner partner = RawPartner.connect(relay.group(), relay.partnerAddress(),
                RawPartner.tls(PKI.client(TestConfig.PARTNER_ID), PKI.ca().certificate()), TIMEOUT)) {
            assertInstanceOf(Ssrm.class, partner.next(TIMEOUT));
            partner.send(Ssid.builder().odetteId(TestConfig.PARTNER_ID).password(TestConfig.PARTNER_PASSWORD)
                    .bufferSize(4096).credit(RAW_CREDIT).mode(SendReceiveMode.SENDER_ONLY).build());
            assertEquals(TestConfig.INSIDE_ID, assertInstanceOf(Ssid.class, partner.next(TIMEOUT)).odetteId());
            violation.commit(partner);
            OftpCommand answer = partner.next(TIMEOUT);
            assertEquals(reason, assertInstanceOf(Esid.class, answer, answer::toString).reason(), answer::toString);
            assertTrue(partner.closedWithin(TIMEOUT), "relay-server closed the partner's connection");
        }
        awaitViolation(PARTNER, before);
        SessionResult inside = relay.inside().nextResult(TIMEOUT);
        assertEquals(SessionOutcome.CONNECTION_FAILED, inside.outcome(), "the inside session was cut: " + inside);
    }

    /** A valid file start, then two DATA in one write where the credit allows one. */
    private void dataBeyondCredit(RawPartner partner) throws InterruptedException {
        partner.send(sfid(TestConfig.INSIDE_ID, TestConfig.PARTNER_ID));
        assertInstanceOf(Sfpa.class, partner.next(TIMEOUT));
        byte[] data = Frames.frame(Frames.data(126));
        byte[] twice = new byte[2 * data.length];
        System.arraycopy(data, 0, twice, 0, data.length);
        System.arraycopy(data, 0, twice, data.length, data.length);
        partner.sendRaw(twice);
    }

    /** A reference partner whose inside daemon is a rogue: the relay ends the session with the misdeed's ESID. */
    private void assertInsideEnded(RogueInside.Misdeed misdeed) throws Exception {
        long before = violations(INSIDE);
        try (RogueInside rogue = new RogueInside(relay.group(), misdeed)) {
            relay.inside().front().plan(InsideFront.Plan.to(rogue.address()));
            Path outbox = relay.folder("rogue-out-" + misdeed);
            PeerConfig.Builder partner = PeerConfig.builder(TestConfig.PARTNER_ID, TestConfig.PARTNER_PASSWORD);
            if (misdeed == RogueInside.Misdeed.DATA_BEYOND_CREDIT) {
                partner.receiveDir(relay.folder("rogue-in"));
            } else {
                TestFiles.random(outbox, "VICTIM", 10_000, 3);
                partner.sendDir(outbox);
            }
            SessionResult result = Partners.outcome(partners.callRelay(partners.caller(partner,
                    PKI.client(TestConfig.PARTNER_ID))));
            relay.inside().front().plan(InsideFront.Plan.DIRECT);
            assertTrue(result.esidReceived() != null, misdeed + ": " + result);
            assertEquals(expected(misdeed), result.esidReceived().reason(), misdeed + ": " + result);
            Await.until(() -> rogue.closedConnections() == 1, TIMEOUT, "relay-client to close the rogue's connection");
        }
        awaitViolation(INSIDE, before);
    }

    private static EsidReason expected(RogueInside.Misdeed misdeed) {
        return switch (misdeed) {
            case UNKNOWN_COMMAND -> EsidReason.COMMAND_NOT_RECOGNISED;
            case MALFORMED_FIELD -> EsidReason.COMMAND_CONTAINED_INVALID_DATA;
            case OUT_OF_ORDER, DATA_BEYOND_CREDIT -> EsidReason.PROTOCOL_VIOLATION;
        };
    }

    /** Audit records of violations by one side ("partner" or "inside"). */
    private long violations(String side) {
        return relay.audit().stream().filter(record -> record.verdict() == Verdict.VIOLATION
                && record.reason().startsWith(side)).count();
    }

    private void awaitViolation(String side, long before) {
        Await.until(() -> violations(side) > before, TIMEOUT, "the audit record of the " + side + "'s violation");
    }

    private static Sfid sfid(String destination, String originator) {
        return Sfid.builder().datasetName("BROKEN").timestamp(LocalDateTime.now(), 1).destination(destination)
                .originator(originator).fileSize(1).build();
    }

    private static void send(RawPartner partner, byte[] octets) {
        partner.sendRaw(octets);
    }

    /** What a raw partner does wrong once admitted. */
    @FunctionalInterface
    private interface Violation {
        void commit(RawPartner partner) throws Exception;
    }
}
