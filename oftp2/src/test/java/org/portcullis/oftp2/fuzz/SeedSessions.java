package org.portcullis.oftp2.fuzz;

import static org.portcullis.oftp2.fuzz.ExchangeBuffers.*;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.fuzz.ExchangeBuffers.FileSpec;

/**
 * The seed corpus: whole OFTP 2.0 sessions (RFC 5024 §4, §9) that a relay must accept, and a few it
 * must refuse, so the fuzzer starts deep in the protocol instead of at the first header.
 */
final class SeedSessions {
    /** Flag values of {@link FuzzInput}: bit 0 lenient, bits 1-3 read size class, bits 4-5 frame limit. */
    static final int STRICT_WHOLE = 0;
    static final int LENIENT = 1;
    static final int ONE_OCTET_READS = 1 << 1;
    static final int ODD_READS = 5 << 1;
    static final int LIMIT_4100 = 1 << 4;

    private static final String INITIATOR_ID = "O0013000000INITIATOR";
    private static final String RESPONDER_ID = "O0013000000RESPONDER";
    private static final FileSpec BINARY = new FileSpec("PAYLOAD.BIN", "1015300001", RESPONDER_ID, INITIATOR_ID,
            'U', 0, 10_000, "");
    private static final FileSpec INVOICE = new FileSpec("INVOICE.TXT", "1015300002", RESPONDER_ID, INITIATOR_ID,
            'T', 0, 120, "Invoices for November");

    private SeedSessions() {
    }

    /** A named seed: a valid one ({@code refusal} null) passes framing, parsing and rules to the end. */
    record Seed(String name, int flags, SessionScript script, EsidReason refusal) {
        boolean valid() {
            return refusal == null;
        }

        byte[] input() {
            return script.toInput(flags);
        }
    }

    static List<Seed> all() {
        return List.of(
                new Seed("login-only", STRICT_WHOLE, loginOnly(), null),
                new Seed("send-unstructured-file", STRICT_WHOLE, sendUnstructuredFile(false), null),
                new Seed("send-unstructured-file-one-octet-reads", ONE_OCTET_READS | LIMIT_4100,
                        sendUnstructuredFile(false), null),
                new Seed("send-file-then-eerp", ODD_READS, sendUnstructuredFile(true), null),
                new Seed("secure-authentication", STRICT_WHOLE, secureAuthentication(), null),
                new Seed("lenient-text-file", LENIENT, lenientTextFile(), null),
                new Seed("refused-file-then-nerp", STRICT_WHOLE, refusedFileThenNerp(), null),
                new Seed("abort-during-transfer", STRICT_WHOLE, abortDuringTransfer(), null),
                new Seed("data-without-credit", STRICT_WHOLE, dataWithoutCredit(), EsidReason.PROTOCOL_VIOLATION),
                new Seed("data-above-buffer-size", STRICT_WHOLE, dataAboveBufferSize(),
                        EsidReason.EXCHANGE_BUFFER_SIZE_ERROR),
                new Seed("oversized-frame", LIMIT_4100, login(4096, 2, false).raw(new byte[] {0x10, 0x01, (byte) 0x86,
                    (byte) 0xA4, 'D'}), EsidReason.EXCHANGE_BUFFER_SIZE_ERROR),
                new Seed("bad-header-version", STRICT_WHOLE, new SessionScript().raw(new byte[] {0x20, 0, 0, 5, 'R'}),
                        EsidReason.COMMAND_NOT_RECOGNISED));
    }

    /** SSRM, SSID both ways (RFC 5024 §4.3, §9.3), with the Initiator now Speaker. */
    private static SessionScript login(int bufferSize, int credit, boolean auth) {
        return new SessionScript()
                .responder(ssrm())
                .initiator(ssid(INITIATOR_ID, "SECRET", bufferSize, 'B', credit, auth))
                .responder(ssid(RESPONDER_ID, "PASSWORD", bufferSize, 'B', credit, auth));
    }

    /** The Speaker hands over with CD and the new Speaker, with nothing to send, ends normally. */
    private static SessionScript endNormally(SessionScript script, boolean speakerIsResponder) {
        return script.send(speakerIsResponder, cd())
                .send(!speakerIsResponder, esid(0, "Normal session termination"));
    }

    private static SessionScript loginOnly() {
        return endNormally(login(4096, 2, false), SessionScript.INITIATOR);
    }

    private static SessionScript sendUnstructuredFile(boolean eerp) {
        byte[] payload = new byte[(int) BINARY.octets()];
        new Random(5024).nextBytes(payload);
        SessionScript script = login(4096, 2, false)
                .initiator(sfid(BINARY))
                .responder(sfpa(0));
        int chunk = 4000;
        int sentSinceCredit = 0;
        for (int offset = 0; offset < payload.length; offset += chunk) {
            if (sentSinceCredit == 2) {
                script.responder(cdt());
                sentSinceCredit = 0;
            }
            int length = Math.min(chunk, payload.length - offset);
            byte[] part = Arrays.copyOfRange(payload, offset, offset + length);
            script.initiator(dataUnstructured(part, offset + length == payload.length));
            sentSinceCredit++;
        }
        script.initiator(efid(0, payload.length)).responder(efpa(eerp));
        if (!eerp) {
            return endNormally(script, SessionScript.INITIATOR);
        }
        script.initiator(cd())
                .responder(eerp(BINARY, new byte[20], new byte[0]))
                .initiator(rtr());
        return endNormally(script, SessionScript.RESPONDER);
    }

    private static SessionScript secureAuthentication() {
        byte[] challenge = new byte[20];
        byte[] encrypted = new byte[180];
        new Random(11).nextBytes(encrypted);
        SessionScript script = login(4096, 2, true)
                .initiator(secd()).responder(auch(encrypted)).initiator(aurp(challenge))
                .responder(secd()).initiator(auch(encrypted)).responder(aurp(challenge));
        return endNormally(script, SessionScript.INITIATOR);
    }

    /** Values real peers send (§1.3 of our protocol notes): lowercase, embedded spaces, time counter 0000. */
    private static SessionScript lenientTextFile() {
        FileSpec file = new FileSpec("invoice 11.txt", "1015300000", "remote odette ident", "local odette ident",
                'T', 0, INVOICE.octets(), "lowercase é description");
        String[] firstRecords = {"invoice 1", "", "a line longer than one subrecord can carry, so it is split in two"};
        String lastRecord = "total 42";
        long octets = lastRecord.length();
        for (String record : firstRecords) {
            octets += record.length();
        }
        SessionScript script = new SessionScript()
                .responder(ssrm())
                .initiator(ssid("O0013000000acme corp", "", 4096, 'B', 4, false))
                .responder(ssid("O0013000000Other Corp", "secret", 4096, 'B', 4, false))
                .initiator(sfid(file))
                .responder(sfpa(0))
                .initiator(dataText(firstRecords))
                .initiator(dataText(lastRecord))
                .initiator(efid(0, octets))
                .responder(efpa(false));
        return endNormally(script, SessionScript.INITIATOR);
    }

    private static SessionScript refusedFileThenNerp() {
        SessionScript script = login(4096, 2, false)
                .initiator(sfid(INVOICE))
                .responder(sfna(13, false, "Duplicate file"))
                .initiator(cd())
                .responder(nerp(INVOICE, 23, "duplicate file"))
                .initiator(rtr());
        return endNormally(script, SessionScript.RESPONDER);
    }

    private static SessionScript abortDuringTransfer() {
        return login(4096, 2, false)
                .initiator(sfid(BINARY))
                .responder(sfpa(0))
                .initiator(dataUnstructured(new byte[100], false))
                .responder(esid(8, "Resources not available"));
    }

    private static SessionScript dataWithoutCredit() {
        return login(4096, 1, false)
                .initiator(sfid(BINARY))
                .responder(sfpa(0))
                .initiator(dataUnstructured(new byte[100], false))
                .initiator(dataUnstructured(new byte[100], false));
    }

    private static SessionScript dataAboveBufferSize() {
        return login(128, 2, false)
                .initiator(sfid(BINARY))
                .responder(sfpa(0))
                .initiator(dataUnstructured(new byte[200], false));
    }
}
