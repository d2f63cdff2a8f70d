package org.portcullis.oftp2.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.portcullis.oftp2.session.Party;
import org.portcullis.oftp2.session.SessionRules;

/**
 * Coverage-guided fuzzing of everything a relay does with untrusted octets: Stream Transmission
 * Buffer framing (RFC 5024 §8.2), command parsing in both modes (§5.3) and the session rules (§9).
 * In the normal build it fuzzes for a bounded time in its own Surefire run; see oftp2/FUZZING.md.
 */
class OftpFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void fuzzSession(byte[] data) {
        FuzzInput input = FuzzInput.decode(data);
        new SessionReplay(input, sessionRules()).run();
    }

    /** The relay's view: one SessionRules observing both directions in the order seen. */
    static CommandObserver sessionRules() {
        SessionRules rules = new SessionRules();
        return (fromResponder, command) -> rules.observe(fromResponder ? Party.RESPONDER : Party.INITIATOR, command);
    }
}
