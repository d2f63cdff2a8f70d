package org.portcullis.oftp2.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portcullis.oftp2.session.Commands.I;
import static org.portcullis.oftp2.session.Commands.R;
import static org.portcullis.oftp2.session.Commands.assertRefused;
import static org.portcullis.oftp2.session.Commands.auch;
import static org.portcullis.oftp2.session.Commands.aurp;
import static org.portcullis.oftp2.session.Commands.esid;
import static org.portcullis.oftp2.session.Commands.sfid;
import static org.portcullis.oftp2.session.Commands.ssid;
import static org.portcullis.oftp2.session.Commands.started;

import org.junit.jupiter.api.Test;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Secd;
import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;

class SessionStartTest {
    private final SessionRules rules = new SessionRules();

    @Test
    void followsTheStartUpPhaseByPhase() {
        assertEquals(SessionPhase.AWAITING_SSRM, rules.phase());
        rules.observe(R, Ssrm.INSTANCE);
        assertEquals(SessionPhase.AWAITING_INITIATOR_SSID, rules.phase());
        rules.observe(I, ssid().build());
        assertEquals(SessionPhase.AWAITING_RESPONDER_SSID, rules.phase());
        assertNull(rules.negotiated());
        assertNull(rules.speaker());
        rules.observe(R, ssid().build());
        assertEquals(SessionPhase.FILE_TRANSFER, rules.phase());
        assertEquals(I, rules.speaker());
    }

    @Test
    void refusesAnythingBeforeSsrm() {
        OftpProtocolException refusal = assertRefused(EsidReason.PROTOCOL_VIOLATION, rules,
                () -> rules.observe(I, ssid().build()));

        assertEquals("SSID from the INITIATOR while waiting for SSRM from the RESPONDER", refusal.getMessage());
    }

    @Test
    void refusesSsrmFromTheInitiator() {
        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(I, Ssrm.INSTANCE));
    }

    @Test
    void refusesTheResponderSsidBeforeTheInitiators() {
        rules.observe(R, Ssrm.INSTANCE);

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(R, ssid().build()));
    }

    @Test
    void refusesASecondSsrm() {
        rules.observe(R, Ssrm.INSTANCE);

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(R, Ssrm.INSTANCE));
    }

    @Test
    void refusesSsidAfterStartUp() {
        SessionRules session = started();

        assertRefused(EsidReason.PROTOCOL_VIOLATION, session, () -> session.observe(I, ssid().build()));
    }

    @Test
    void refusesSfidDuringStartUp() {
        rules.observe(R, Ssrm.INSTANCE);
        rules.observe(I, ssid().build());

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(I, sfid()));
    }

    @Test
    void refusesAnInitiatorBelowOftp2() {
        rules.observe(R, Ssrm.INSTANCE);

        OftpProtocolException refusal = assertRefused(EsidReason.MODE_OR_CAPABILITIES_INCOMPATIBLE, rules,
                () -> rules.observe(I, ssid().level(4).build()));
        assertEquals("SSIDLEV", refusal.field());
    }

    @Test
    void refusesAResponderBelowOftp2() {
        assertRefused(EsidReason.MODE_OR_CAPABILITIES_INCOMPATIBLE, rules,
                () -> startWith(ssid().build(), ssid().level(1).build()));
    }

    @Test
    void refusesAResponderBufferLargerThanTheInitiators() {
        OftpProtocolException refusal = assertRefused(EsidReason.PROTOCOL_VIOLATION, rules,
                () -> startWith(ssid().bufferSize(2048).build(), ssid().bufferSize(4096).build()));
        assertEquals("SSIDSDEB", refusal.field());
    }

    @Test
    void refusesAResponderCreditLargerThanTheInitiators() {
        OftpProtocolException refusal = assertRefused(EsidReason.PROTOCOL_VIOLATION, rules,
                () -> startWith(ssid().credit(4).build(), ssid().credit(5).build()));
        assertEquals("SSIDCRED", refusal.field());
    }

    @Test
    void refusesTwoSenders() {
        assertRefused(EsidReason.MODE_OR_CAPABILITIES_INCOMPATIBLE, rules,
                () -> startWith(ssid().mode(SendReceiveMode.SENDER_ONLY).build(),
                        ssid().mode(SendReceiveMode.SENDER_ONLY).build()));
    }

    @Test
    void refusesTwoReceivers() {
        assertRefused(EsidReason.MODE_OR_CAPABILITIES_INCOMPATIBLE, rules,
                () -> startWith(ssid().mode(SendReceiveMode.RECEIVER_ONLY).build(),
                        ssid().mode(SendReceiveMode.RECEIVER_ONLY).build()));
    }

    @Test
    void refusesDifferentAuthenticationRequirements() {
        assertRefused(EsidReason.SECURE_AUTHENTICATION_REQUIREMENTS_INCOMPATIBLE, rules,
                () -> startWith(ssid().authentication(true).build(), ssid().authentication(false).build()));
    }

    @Test
    void refusesSpecialLogic() {
        rules.observe(R, Ssrm.INSTANCE);

        assertRefused(EsidReason.MODE_OR_CAPABILITIES_INCOMPATIBLE, rules,
                () -> rules.observe(I, ssid().specialLogic(true).build()));
    }

    @Test
    void agreesOnTheResponderBufferAndCredit() {
        startWith(ssid().bufferSize(99_999).credit(999).build(), ssid().bufferSize(128).credit(1).build());

        assertEquals(128, rules.negotiated().bufferSize());
        assertEquals(1, rules.negotiated().credit());
    }

    @Test
    void agreesOnCompressionAndRestartOnlyWhenBothSayYes() {
        startWith(ssid().compression(true).restart(false).build(), ssid().compression(false).restart(true).build());

        assertFalse(rules.negotiated().compression());
        assertFalse(rules.negotiated().restart());
    }

    @Test
    void keepsEachPartysMode() {
        startWith(ssid().mode(SendReceiveMode.SENDER_ONLY).build(), ssid().mode(SendReceiveMode.RECEIVER_ONLY).build());

        assertEquals(SendReceiveMode.SENDER_ONLY, rules.negotiated().mode(I));
        assertEquals(SendReceiveMode.RECEIVER_ONLY, rules.negotiated().mode(R));
    }

    @Test
    void letsTheResponderRefuseWithEsid() {
        rules.observe(R, Ssrm.INSTANCE);
        rules.observe(I, ssid().build());

        rules.observe(R, esid(EsidReason.INVALID_PASSWORD));

        assertTrue(rules.ended());
        assertEquals(SessionPhase.ENDED, rules.phase());
    }

    @Test
    void runsSecureAuthenticationInTheRfcOrder() {
        startWith(authenticating(), authenticating());
        assertEquals(SessionPhase.AUTHENTICATION, rules.phase());
        assertTrue(rules.negotiated().secureAuthentication());

        Commands.authenticate(rules);

        assertEquals(SessionPhase.FILE_TRANSFER, rules.phase());
        assertEquals(I, rules.speaker());
    }

    @Test
    void refusesAuthenticationOutOfOrder() {
        startWith(authenticating(), authenticating());

        OftpProtocolException refusal = assertRefused(EsidReason.PROTOCOL_VIOLATION, rules,
                () -> rules.observe(R, auch()));
        assertEquals("AUCH from the RESPONDER while waiting for SECD from the INITIATOR", refusal.getMessage());
    }

    @Test
    void refusesTheSecondHalfOfAuthenticationFromTheWrongParty() {
        startWith(authenticating(), authenticating());
        rules.observe(I, Secd.INSTANCE);
        rules.observe(R, auch());
        rules.observe(I, aurp());

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(I, Secd.INSTANCE));
    }

    @Test
    void refusesFileTransferBeforeAuthenticationEnds() {
        startWith(authenticating(), authenticating());

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(I, sfid()));
    }

    @Test
    void refusesAuthenticationThatWasNotAgreed() {
        startWith(ssid().build(), ssid().build());

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(I, Secd.INSTANCE));
    }

    private static Ssid authenticating() {
        return ssid().authentication(true).build();
    }

    private void startWith(Ssid initiator, Ssid responder) {
        rules.observe(R, Ssrm.INSTANCE);
        rules.observe(I, initiator);
        rules.observe(R, responder);
    }
}
