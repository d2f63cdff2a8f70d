package org.portcullis.oftp2.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portcullis.oftp2.session.Commands.I;
import static org.portcullis.oftp2.session.Commands.R;
import static org.portcullis.oftp2.session.Commands.assertRefused;
import static org.portcullis.oftp2.session.Commands.compressedData;
import static org.portcullis.oftp2.session.Commands.efid;
import static org.portcullis.oftp2.session.Commands.efpa;
import static org.portcullis.oftp2.session.Commands.eerp;
import static org.portcullis.oftp2.session.Commands.nerp;
import static org.portcullis.oftp2.session.Commands.observe;
import static org.portcullis.oftp2.session.Commands.observeData;
import static org.portcullis.oftp2.session.Commands.sfid;
import static org.portcullis.oftp2.session.Commands.ssid;
import static org.portcullis.oftp2.session.Commands.started;

import org.junit.jupiter.api.Test;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.AnswerReason;
import org.portcullis.oftp2.command.Cd;
import org.portcullis.oftp2.command.Cdt;
import org.portcullis.oftp2.command.Efna;
import org.portcullis.oftp2.command.Rtr;
import org.portcullis.oftp2.command.SendReceiveMode;
import org.portcullis.oftp2.command.Sfna;
import org.portcullis.oftp2.command.Sfpa;

class FileTransferRulesTest {
    private static final int WINDOW = 2;

    private final SessionRules rules = started(ssid().credit(WINDOW).bufferSize(2000).build(),
            ssid().credit(WINDOW).bufferSize(2000).build());

    @Test
    void setsTheCreditToTheWindowOnSfpa() {
        openFile();

        assertEquals(WINDOW, rules.creditLeft());
    }

    @Test
    void chargesOneCreditPerData() {
        openFile();

        observeData(rules, I, 100);

        assertEquals(WINDOW - 1, rules.creditLeft());
    }

    @Test
    void refusesDataWithNoCreditLeft() {
        openFile();
        observeData(rules, I, 100);
        observeData(rules, I, 100);

        OftpProtocolException refusal = assertRefused(EsidReason.PROTOCOL_VIOLATION, rules,
                () -> observeData(rules, I, 100));
        assertEquals("DATA with no credit left", refusal.getMessage());
    }

    @Test
    void restoresTheCreditWithCdtOnceItIsExhausted() {
        openFile();
        observeData(rules, I, 100);
        observeData(rules, I, 100);

        rules.observe(R, Cdt.INSTANCE);
        observeData(rules, I, 100);

        assertEquals(WINDOW - 1, rules.creditLeft());
    }

    @Test
    void refusesCdtWhileTheSpeakerHasCredit() {
        openFile();
        observeData(rules, I, 100);

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(R, Cdt.INSTANCE));
    }

    @Test
    void refusesCdtWhenNoFileIsOpen() {
        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(R, Cdt.INSTANCE));
    }

    @Test
    void acceptsDataOfExactlyTheAgreedBufferSize() {
        openFile();

        observeData(rules, I, 2000);

        assertEquals(WINDOW - 1, rules.creditLeft());
    }

    @Test
    void refusesDataLargerThanTheAgreedBufferSize() {
        openFile();

        assertRefused(EsidReason.EXCHANGE_BUFFER_SIZE_ERROR, rules, () -> observeData(rules, I, 2001));
    }

    @Test
    void refusesCompressedDataWhenCompressionWasNotAgreed() {
        openFile();

        OftpProtocolException refusal = assertRefused(EsidReason.COMMAND_CONTAINED_INVALID_DATA, rules,
                () -> observe(rules, I, compressedData()));
        assertEquals("DATA", refusal.field());
    }

    @Test
    void acceptsCompressedDataWhenCompressionWasAgreed() {
        SessionRules compressing = started(ssid().compression(true).build(), ssid().compression(true).build());
        compressing.observe(I, sfid());
        compressing.observe(R, new Sfpa(0));

        observe(compressing, I, compressedData());

        assertEquals(3, compressing.creditLeft());
    }

    @Test
    void refusesDataBeforeSfpa() {
        rules.observe(I, sfid());

        OftpProtocolException refusal = assertRefused(EsidReason.PROTOCOL_VIOLATION, rules,
                () -> observeData(rules, I, 100));
        assertEquals("DATA from the Speaker (INITIATOR) while SFID awaits SFPA or SFNA", refusal.getMessage());
    }

    @Test
    void refusesDataFromTheListener() {
        openFile();

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> observeData(rules, R, 100));
    }

    @Test
    void refusesSfpaWhileNoSfidIsOutstanding() {
        OftpProtocolException refusal = assertRefused(EsidReason.PROTOCOL_VIOLATION, rules,
                () -> rules.observe(R, new Sfpa(0)));
        assertEquals("SFPA from the Listener (RESPONDER) while the Speaker is idle", refusal.getMessage());
    }

    @Test
    void refusesSfidFromTheListener() {
        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(R, sfid()));
    }

    @Test
    void refusesARestartPositionWhenRestartWasNotAgreed() {
        SessionRules noRestart = started(ssid().restart(false).build(), ssid().restart(true).build());

        OftpProtocolException refusal = assertRefused(EsidReason.COMMAND_CONTAINED_INVALID_DATA, noRestart,
                () -> noRestart.observe(I, sfid(7)));
        assertEquals("SFIDREST", refusal.field());
    }

    @Test
    void acceptsARestartPositionWhenRestartWasAgreed() {
        rules.observe(I, sfid(7));
        rules.observe(R, new Sfpa(7));

        assertEquals(WINDOW, rules.creditLeft());
    }

    @Test
    void refusesSfpaBeyondTheRestartPositionAskedFor() {
        rules.observe(I, sfid(7));

        OftpProtocolException refusal = assertRefused(EsidReason.PROTOCOL_VIOLATION, rules,
                () -> rules.observe(R, new Sfpa(8)));
        assertEquals("SFPAACNT", refusal.field());
    }

    @Test
    void returnsToIdleAfterSfna() {
        rules.observe(I, sfid());
        rules.observe(R, new Sfna(AnswerReason.DUPLICATE_FILE, false, ""));

        rules.observe(I, sfid());
    }

    @Test
    void zeroesTheCreditOnEfid() {
        openFile();

        rules.observe(I, efid());

        assertEquals(0, rules.creditLeft());
    }

    @Test
    void refusesEfidWithNoCreditLeft() {
        openFile();
        observeData(rules, I, 100);
        observeData(rules, I, 100);

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(I, efid()));
    }

    @Test
    void refusesDataAfterEfid() {
        openFile();
        rules.observe(I, efid());

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> observeData(rules, I, 100));
    }

    @Test
    void requiresCdAfterEfpaAskedForIt() {
        sendFile();
        rules.observe(R, efpa(true));

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(I, sfid()));
    }

    @Test
    void handsTheTurnOverWithTheCdEfpaAskedFor() {
        sendFile();
        rules.observe(R, efpa(true));

        rules.observe(I, Cd.INSTANCE);

        assertEquals(R, rules.speaker());
    }

    @Test
    void keepsTheTurnAfterEfpaWithoutCd() {
        sendFile();
        rules.observe(R, efpa(false));

        rules.observe(I, sfid());

        assertEquals(I, rules.speaker());
    }

    @Test
    void keepsTheTurnAfterEfna() {
        sendFile();
        rules.observe(R, new Efna(AnswerReason.INVALID_BYTE_COUNT, ""));

        rules.observe(I, sfid());

        assertEquals(I, rules.speaker());
    }

    @Test
    void refusesEfpaWhileNoEfidIsOutstanding() {
        openFile();

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(R, efpa(false)));
    }

    @Test
    void handsTheTurnOverWithCd() {
        rules.observe(I, Cd.INSTANCE);

        assertEquals(R, rules.speaker());
        rules.observe(R, sfid());
    }

    @Test
    void refusesCdStraightBackAfterAnUnsolicitedCd() {
        rules.observe(I, Cd.INSTANCE);

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(R, Cd.INSTANCE));
    }

    @Test
    void acceptsCdBackOnceTheSpeakerSentSomethingElse() {
        rules.observe(I, Cd.INSTANCE);
        rules.observe(R, eerp());
        rules.observe(I, Rtr.INSTANCE);

        rules.observe(R, Cd.INSTANCE);

        assertEquals(I, rules.speaker());
    }

    @Test
    void acceptsCdBackAfterTheCdEfpaAskedFor() {
        sendFile();
        rules.observe(R, efpa(true));
        rules.observe(I, Cd.INSTANCE);

        rules.observe(R, Cd.INSTANCE);

        assertEquals(I, rules.speaker());
    }

    @Test
    void refusesCdFromTheListener() {
        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(R, Cd.INSTANCE));
    }

    @Test
    void refusesCdWhileAFileIsOpen() {
        openFile();

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(I, Cd.INSTANCE));
    }

    @Test
    void refusesAnythingButRtrAfterEerp() {
        rules.observe(I, eerp());

        OftpProtocolException refusal = assertRefused(EsidReason.PROTOCOL_VIOLATION, rules,
                () -> rules.observe(I, sfid()));
        assertEquals("SFID from the Speaker (INITIATOR) while EERP or NERP awaits RTR", refusal.getMessage());
    }

    @Test
    void acceptsAnotherResponseOrAFileAfterRtr() {
        rules.observe(I, eerp());
        rules.observe(R, Rtr.INSTANCE);
        rules.observe(I, nerp());
        rules.observe(R, Rtr.INSTANCE);

        rules.observe(I, sfid());
    }

    @Test
    void refusesNerpWhileRtrIsOutstanding() {
        rules.observe(I, eerp());

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(I, nerp()));
    }

    @Test
    void refusesRtrWhileNoResponseIsOutstanding() {
        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(R, Rtr.INSTANCE));
    }

    @Test
    void refusesRtrFromTheSpeaker() {
        rules.observe(I, eerp());

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(I, Rtr.INSTANCE));
    }

    @Test
    void refusesEerpWhileAFileIsOpen() {
        openFile();

        assertRefused(EsidReason.PROTOCOL_VIOLATION, rules, () -> rules.observe(I, eerp()));
    }

    @Test
    void refusesSfidFromAReceiverOnlyParty() {
        SessionRules receiverFirst = started(ssid().mode(SendReceiveMode.RECEIVER_ONLY).build(),
                ssid().mode(SendReceiveMode.SENDER_ONLY).build());

        assertRefused(EsidReason.PROTOCOL_VIOLATION, receiverFirst, () -> receiverFirst.observe(I, sfid()));
    }

    @Test
    void refusesSfidToASenderOnlyParty() {
        SessionRules toSender = started(ssid().build(), ssid().mode(SendReceiveMode.SENDER_ONLY).build());

        assertRefused(EsidReason.PROTOCOL_VIOLATION, toSender, () -> toSender.observe(I, sfid()));
    }

    @Test
    void acceptsSfidFromASenderToAReceiver() {
        SessionRules oneWay = started(ssid().mode(SendReceiveMode.SENDER_ONLY).build(),
                ssid().mode(SendReceiveMode.RECEIVER_ONLY).build());

        oneWay.observe(I, sfid());
    }

    private void openFile() {
        rules.observe(I, sfid());
        rules.observe(R, new Sfpa(0));
    }

    private void sendFile() {
        openFile();
        observeData(rules, I, 100);
        rules.observe(I, efid());
    }
}
