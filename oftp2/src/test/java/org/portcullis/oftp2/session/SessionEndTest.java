package org.portcullis.oftp2.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portcullis.oftp2.session.Commands.I;
import static org.portcullis.oftp2.session.Commands.R;
import static org.portcullis.oftp2.session.Commands.assertRefused;
import static org.portcullis.oftp2.session.Commands.efid;
import static org.portcullis.oftp2.session.Commands.efpa;
import static org.portcullis.oftp2.session.Commands.eerp;
import static org.portcullis.oftp2.session.Commands.esid;
import static org.portcullis.oftp2.session.Commands.observeData;
import static org.portcullis.oftp2.session.Commands.sfid;
import static org.portcullis.oftp2.session.Commands.ssid;
import static org.portcullis.oftp2.session.Commands.started;

import org.junit.jupiter.api.Test;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Cd;
import org.portcullis.oftp2.command.Rtr;
import org.portcullis.oftp2.command.Sfpa;
import org.portcullis.oftp2.command.Ssrm;

class SessionEndTest {
    private final SessionRules rules = started();

    @Test
    void endsNormallyFromTheSpeakerThatHasJustReceivedCd() {
        rules.observe(I, Cd.INSTANCE);

        rules.observe(R, esid(EsidReason.NORMAL_TERMINATION));

        assertTrue(rules.ended());
        assertEquals(SessionPhase.ENDED, rules.phase());
    }

    @Test
    void endsNormallyAfterTheCdEfpaAskedFor() {
        rules.observe(I, sfid());
        rules.observe(R, new Sfpa(0));
        rules.observe(I, efid());
        rules.observe(R, efpa(true));
        rules.observe(I, Cd.INSTANCE);

        rules.observe(R, esid(EsidReason.NORMAL_TERMINATION));

        assertTrue(rules.ended());
    }

    @Test
    void refusesANormalEndFromTheFirstSpeaker() {
        OftpProtocolException refusal = assertRefused(EsidReason.PROTOCOL_VIOLATION, rules,
                () -> rules.observe(I, esid(EsidReason.NORMAL_TERMINATION)));

        assertEquals("ESID 00 from the INITIATOR, which is not the Speaker that has just received CD",
                refusal.getMessage());
    }

    @Test
    void refusesANormalEndFromTheListener() {
        rules.observe(I, Cd.INSTANCE);

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules,
                () -> rules.observe(I, esid(EsidReason.NORMAL_TERMINATION)));
    }

    @Test
    void refusesANormalEndOnceTheSpeakerHasSentSomething() {
        rules.observe(I, Cd.INSTANCE);
        rules.observe(R, eerp());
        rules.observe(I, Rtr.INSTANCE);

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules,
                () -> rules.observe(R, esid(EsidReason.NORMAL_TERMINATION)));
    }

    @Test
    void refusesANormalEndDuringStartUp() {
        SessionRules starting = new SessionRules();
        starting.observe(R, Ssrm.INSTANCE);

        assertRefused(EsidReason.PROTOCOL_VIOLATION, starting,
                () -> starting.observe(R, esid(EsidReason.NORMAL_TERMINATION)));
    }

    @Test
    void endsAbnormallyFromTheListenerInTheMiddleOfAFile() {
        rules.observe(I, sfid());
        rules.observe(R, new Sfpa(0));
        observeData(rules, I, 100);

        rules.observe(R, esid(EsidReason.RESOURCES_NOT_AVAILABLE));

        assertTrue(rules.ended());
    }

    @Test
    void endsAbnormallyFromEitherSideBeforeStartUpEnds() {
        SessionRules starting = new SessionRules();
        starting.observe(R, Ssrm.INSTANCE);

        starting.observe(I, esid(EsidReason.LOCAL_SITE_EMERGENCY_CLOSE_DOWN));

        assertTrue(starting.ended());
    }

    @Test
    void refusesEverythingAfterTheEnd() {
        rules.observe(R, esid(EsidReason.TIME_OUT));

        OftpProtocolException refusal = assertRefused(EsidReason.PROTOCOL_VIOLATION, rules,
                () -> rules.observe(I, sfid()));
        assertEquals("SFID from the INITIATOR after the session ended", refusal.getMessage());
    }

    @Test
    void refusesASecondEsid() {
        rules.observe(R, esid(EsidReason.TIME_OUT));

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(I, esid(EsidReason.TIME_OUT)));
    }

    @Test
    void refusesEverythingAfterAViolation() {
        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(R, sfid()));

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(I, sfid()));
    }

    @Test
    void keepsTheNegotiatedSessionAfterTheEnd() {
        rules.observe(R, esid(EsidReason.TIME_OUT));

        assertEquals(ssid().build().bufferSize(), rules.negotiated().bufferSize());
    }
}
