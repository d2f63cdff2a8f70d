package org.portcullis.oftp2.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portcullis.oftp2.session.Commands.I;
import static org.portcullis.oftp2.session.Commands.R;
import static org.portcullis.oftp2.session.Commands.data;
import static org.portcullis.oftp2.session.Commands.efpa;
import static org.portcullis.oftp2.session.Commands.esid;
import static org.portcullis.oftp2.session.Commands.ssid;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Cd;
import org.portcullis.oftp2.command.Cdt;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Rtr;
import org.portcullis.oftp2.command.Secd;
import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Sfpa;
import org.portcullis.oftp2.command.Ssrm;

/**
 * The OFTP 2.0 session of the Axway Gateway trace (OFTP2.md §2): SDEB 4000, credit 4, secure
 * authentication, one file of three DATA buffers, a signed EERP and a normal end.
 */
class AxwaySessionTest {

    /** One command of a recorded session, made fresh for each observer. */
    private record Step(Party sender, Supplier<OftpCommand> command) {
    }

    /** The verdict of one observer: how many steps it accepted, and the refusal if any. */
    private record Verdict(int accepted, EsidReason refusal, boolean ended) {
    }

    private static List<Step> axwaySession() {
        return new ArrayList<>(List.of(
                new Step(R, () -> Ssrm.INSTANCE),
                new Step(I, () -> ssid().authentication(true).build()),
                new Step(R, () -> ssid().authentication(true).restart(false).build()),
                new Step(I, () -> Secd.INSTANCE), new Step(R, Commands::auch), new Step(I, Commands::aurp),
                new Step(R, () -> Secd.INSTANCE), new Step(I, Commands::auch), new Step(R, Commands::aurp),
                new Step(I, Commands::sfid), new Step(R, () -> new Sfpa(0)),
                new Step(I, data(4000)), new Step(I, data(4000)), new Step(I, data(560)),
                new Step(I, Commands::efid), new Step(R, () -> efpa(false)),
                new Step(I, () -> Cd.INSTANCE), new Step(R, Commands::eerp), new Step(I, () -> Rtr.INSTANCE),
                new Step(R, () -> Cd.INSTANCE), new Step(I, () -> esid(EsidReason.NORMAL_TERMINATION))));
    }

    @Test
    void acceptsTheWholeSession() {
        SessionRules rules = new SessionRules();

        Verdict verdict = run(rules, axwaySession());

        assertEquals(new Verdict(21, null, true), verdict);
        NegotiatedSession agreed = rules.negotiated();
        assertEquals(4000, agreed.bufferSize());
        assertEquals(4, agreed.credit());
        assertFalse(agreed.restart());
        assertFalse(agreed.compression());
        assertTrue(agreed.secureAuthentication());
        assertEquals(SendReceiveMode.BOTH, agreed.mode(I));
    }

    @Test
    void tracksCreditAndTurnThroughTheSession() {
        SessionRules rules = new SessionRules();
        List<Step> steps = axwaySession();

        run(rules, steps.subList(0, 12));
        assertEquals(3, rules.creditLeft());
        assertEquals(I, rules.speaker());

        run(rules, steps.subList(12, 17));
        assertEquals(0, rules.creditLeft());
        assertEquals(R, rules.speaker());
    }

    @Test
    void needsCdtAfterTheWindowIsUsedUp() {
        List<Step> steps = axwaySession();
        steps.addAll(13, List.of(new Step(I, data(100)), new Step(I, data(100)), new Step(R, () -> Cdt.INSTANCE)));

        assertEquals(new Verdict(24, null, true), run(new SessionRules(), steps));
    }

    @Test
    void refusesDataBeyondTheWindowWithoutCdt() {
        List<Step> steps = axwaySession();
        steps.addAll(13, List.of(new Step(I, data(100)), new Step(I, data(100))));

        assertEquals(new Verdict(15, EsidReason.PROTOCOL_VIOLATION, true), run(new SessionRules(), steps));
    }

    @Test
    void givesTheSameVerdictFromTheMiddleAndFromEachEnd() {
        List<List<Step>> sessions = List.of(axwaySession(), withStep(13, new Step(R, () -> Cdt.INSTANCE)),
                withStep(16, new Step(R, () -> Cd.INSTANCE)), withStep(20, new Step(I, Commands::eerp)));

        for (List<Step> session : sessions) {
            // The Initiator and the Responder each observe what they send and what they receive; the
            // relay observes both directions. Half duplex means all three see the same order.
            Verdict initiator = run(new SessionRules(), session);
            Verdict relay = run(new SessionRules(), session);
            Verdict responder = run(new SessionRules(), session);
            assertEquals(relay, initiator);
            assertEquals(relay, responder);
        }
    }

    @Test
    void refusesTheSameSessionWhenOneSideSkipsAuthentication() {
        List<Step> steps = axwaySession();
        steps.set(2, new Step(R, () -> ssid().authentication(false).build()));

        assertEquals(new Verdict(2, EsidReason.SECURE_AUTHENTICATION_REQUIREMENTS_INCOMPATIBLE, true),
                run(new SessionRules(), steps));
    }

    @Test
    void startsWithNoSpeakerAndNoAgreement() {
        SessionRules rules = new SessionRules();

        assertNull(rules.speaker());
        assertNull(rules.negotiated());
        assertEquals(0, rules.creditLeft());
    }

    private static List<Step> withStep(int index, Step step) {
        List<Step> steps = axwaySession();
        steps.add(index, step);
        return steps;
    }

    private static Verdict run(SessionRules rules, List<Step> steps) {
        int accepted = 0;
        for (Step step : steps) {
            try {
                Commands.observe(rules, step.sender(), step.command());
            } catch (OftpProtocolException refusal) {
                return new Verdict(accepted, refusal.reason(), rules.ended());
            }
            accepted++;
        }
        return new Verdict(accepted, null, rules.ended());
    }
}
