package org.portcullis.oftp2.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Auch;
import org.portcullis.oftp2.command.Aurp;
import org.portcullis.oftp2.command.Data;
import org.portcullis.oftp2.command.Eerp;
import org.portcullis.oftp2.command.Efid;
import org.portcullis.oftp2.command.Efpa;
import org.portcullis.oftp2.command.Esid;
import org.portcullis.oftp2.command.FileFormat;
import org.portcullis.oftp2.command.Nerp;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Secd;
import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Sfid;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.oftp2.command.Ssrm;

/** Commands as values for the session rule tests, and helpers that release what they make. */
final class Commands {
    static final Party I = Party.INITIATOR;
    static final Party R = Party.RESPONDER;

    private Commands() {
    }

    /** A fluent SSID with the values of the Axway trace: level 5, SDEB 4000, B, no compression, restart, credit 4. */
    static final class SsidBuilder {
        private int level = 5;
        private int bufferSize = 4000;
        private SendReceiveMode mode = SendReceiveMode.BOTH;
        private boolean compression;
        private boolean restart = true;
        private boolean specialLogic;
        private int credit = 4;
        private boolean authentication;

        SsidBuilder level(int value) {
            level = value;
            return this;
        }

        SsidBuilder bufferSize(int value) {
            bufferSize = value;
            return this;
        }

        SsidBuilder mode(SendReceiveMode value) {
            mode = value;
            return this;
        }

        SsidBuilder compression(boolean value) {
            compression = value;
            return this;
        }

        SsidBuilder restart(boolean value) {
            restart = value;
            return this;
        }

        SsidBuilder specialLogic(boolean value) {
            specialLogic = value;
            return this;
        }

        SsidBuilder credit(int value) {
            credit = value;
            return this;
        }

        SsidBuilder authentication(boolean value) {
            authentication = value;
            return this;
        }

        Ssid build() {
            return new Ssid(level, "O0013000000ACME", "SECRET", bufferSize, mode, compression, restart, specialLogic,
                    credit, authentication, "");
        }
    }

    static SsidBuilder ssid() {
        return new SsidBuilder();
    }

    static Auch auch() {
        return new Auch(new byte[64]);
    }

    static Aurp aurp() {
        return new Aurp(new byte[20]);
    }

    static Sfid sfid(long restartPosition) {
        return new Sfid("PAYLOAD", "20240101", "1200000001", "", "O0013000000PARTNER", "O0013000000ACME",
                FileFormat.UNSTRUCTURED, 0, 9, 9, restartPosition, 0, 0, 0, 0, false, "");
    }

    static Sfid sfid() {
        return sfid(0);
    }

    static Efid efid() {
        return new Efid(0, 8546);
    }

    static Efpa efpa(boolean changeDirection) {
        return new Efpa(changeDirection);
    }

    static Eerp eerp() {
        return new Eerp("PAYLOAD", "20240101", "1200000001", "", "O0013000000ACME", "O0013000000PARTNER",
                new byte[20], new byte[0]);
    }

    static Nerp nerp() {
        return new Nerp("PAYLOAD", "20240101", "1200000001", "O0013000000ACME", "O0013000000PARTNER",
                "O0013000000PARTNER", 99, "", new byte[0], new byte[0]);
    }

    static Esid esid(EsidReason reason) {
        return new Esid(reason, reason.text());
    }

    /** A DATA of {@code length} octets, the {@code D} included. */
    static Supplier<OftpCommand> data(int length) {
        return () -> new Data(Unpooled.wrappedBuffer(new byte[length - 1]));
    }

    /** A DATA whose one subrecord is compressed: 'A' five times. */
    static Supplier<OftpCommand> compressedData() {
        return () -> new Data(Unpooled.wrappedBuffer(new byte[] {(byte) (Data.COMPRESSED | 5), 'A'}));
    }

    /** Observes a command made fresh, and releases it whatever happens. */
    static void observe(SessionRules rules, Party sender, Supplier<OftpCommand> command) {
        OftpCommand made = command.get();
        try {
            rules.observe(sender, made);
        } finally {
            ReferenceCountUtil.release(made);
        }
    }

    static void observeData(SessionRules rules, Party sender, int length) {
        observe(rules, sender, data(length));
    }

    /** A session through start-up; with authentication when both SSIDs ask for it. */
    static SessionRules started(Ssid initiator, Ssid responder) {
        SessionRules rules = new SessionRules();
        rules.observe(R, Ssrm.INSTANCE);
        rules.observe(I, initiator);
        rules.observe(R, responder);
        if (initiator.secureAuthentication() && responder.secureAuthentication()) {
            authenticate(rules);
        }
        return rules;
    }

    static SessionRules started() {
        return started(ssid().build(), ssid().build());
    }

    static void authenticate(SessionRules rules) {
        rules.observe(I, Secd.INSTANCE);
        rules.observe(R, auch());
        rules.observe(I, aurp());
        rules.observe(R, Secd.INSTANCE);
        rules.observe(I, auch());
        rules.observe(R, aurp());
    }

    /** Asserts the refusal and its reason, and that the session is over. */
    static OftpProtocolException assertRefused(EsidReason reason, SessionRules rules, Executable observation) {
        OftpProtocolException refusal = assertThrows(OftpProtocolException.class, observation);
        assertEquals(reason, refusal.reason(), refusal.getMessage());
        assertTrue(rules.ended(), "a refusal ends the session");
        return refusal;
    }
}
