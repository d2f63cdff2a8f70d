package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.license.License;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.relay.server.license.RunningLicense;
import org.portcullis.relay.server.license.SettableClock;
import org.portcullis.relay.server.session.AuditRecord;
import org.portcullis.relay.server.session.AuditRecord.Verdict;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * The license while relay-server runs, end to end: its session limit refuses a second partner with ESID 08 while
 * the first transfers, and once it has expired (the clock moved past its last day) a running transfer finishes
 * and a new partner gets ESID 08; nothing of a refused partner goes inside.
 */
@Timeout(120)
class LicenseIT {
    /** The license's last valid day is {@link TestLicenses#TODAY}; this is the first instant after it. */
    private static final Instant EXPIRED = Instant.parse("2025-06-16T00:00:00Z");

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    private final SettableClock clock = new SettableClock(TestLicenses.NOW);

    @RegisterExtension
    final RelayHarness relay = new RelayHarness(PKI, this::license);

    /** One session at once (the configuration allows more), valid through today. */
    private RunningLicense license(Path temp) throws IOException {
        TestLicenses licenses = new TestLicenses(temp);
        License license = License.of("ACME Logistics GmbH", licenses.proxyId(), TestLicenses.TODAY.minusYears(1),
                TestLicenses.TODAY).withMaxSessions(1);
        return licenses.running("license.txt", license, clock);
    }

    /** A partner session whose transfer holds after 1 MiB until the gate opens; returns once it holds. */
    private CompletableFuture<SessionResult> heldTransfer(InsideGate gate) throws Exception {
        Path outbox = relay.folder("held-out");
        TestFiles.random(outbox, "PAYLOAD", 4L * TestFiles.MIB, 11);
        relay.client().holdInside(gate);
        CompletableFuture<SessionResult> running = relay.partner(PeerConfig.builder(TestRelayConfig.PARTNER_ID,
                TestRelayConfig.PARTNER_PASSWORD).sendDir(outbox), PKI.client(TestRelayConfig.PARTNER_ID), "partner")
                .connect(relay.partnerAddress());
        gate.holding().get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return running;
    }

    private SessionResult newPartnerSession() throws Exception {
        return relay.partner(PeerConfig.builder(TestRelayConfig.PARTNER_ID, TestRelayConfig.PARTNER_PASSWORD)
                .sendDir(relay.folder("second-out")), PKI.client(TestRelayConfig.PARTNER_ID), "second")
                .connect(relay.partnerAddress()).get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private void assertRefusedWithEsid08(SessionResult result, String because) {
        assertEquals(SessionOutcome.REFUSED_BY_PARTNER, result.outcome(), result::toString);
        assertEquals(EsidReason.RESOURCES_NOT_AVAILABLE, result.esidReceived().reason(), result::toString);
        AuditRecord audit = relay.awaitAudit(record -> record.verdict() == Verdict.REFUSED, "the refusal's audit");
        assertEquals(because, audit.reason());
    }

    private void finish(InsideGate gate, CompletableFuture<SessionResult> running) throws Exception {
        relay.client().holdInside(InsideGate.OPEN);
        gate.opened().complete(null);
        SessionResult first = running.get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(SessionOutcome.NORMAL_END, first.outcome(), first::toString);
        assertEquals(SessionOutcome.NORMAL_END, relay.nextInsideResult().outcome());
        relay.awaitAudit(record -> record.verdict() == Verdict.COMPLETED, "the transfer's audit");
    }

    @Test
    void refusesASecondPartnerWithEsid08BeyondTheLicensesSessionLimit() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), RelayHarness.TIMEOUT);
        InsideGate gate = InsideGate.holdingAfter(TestFiles.MIB);
        CompletableFuture<SessionResult> running = heldTransfer(gate);

        assertRefusedWithEsid08(newPartnerSession(), "the license's limit of 1 concurrent sessions is reached");
        assertEquals(1, relay.client().insideConnections(), "the refused partner reached the inside");
        assertFalse(running.isDone(), "the first transfer still runs");

        finish(gate, running);
        Await.until(() -> relay.server().activeSessions() == 0, RelayHarness.TIMEOUT, "the slot to free");
    }

    @Test
    void finishesARunningTransferAfterExpiryAndRefusesNewPartnersWithEsid08() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).json(), RelayHarness.TIMEOUT);
        InsideGate gate = InsideGate.holdingAfter(TestFiles.MIB);
        CompletableFuture<SessionResult> running = heldTransfer(gate);

        clock.set(EXPIRED);
        finish(gate, running);
        Await.until(() -> relay.server().activeSessions() == 0, RelayHarness.TIMEOUT, "the slot to free");

        assertRefusedWithEsid08(newPartnerSession(), "license " + relay.temp().resolve("license.txt")
                + ": expired: its last valid day was 2025-06-15 (UTC)");
        assertEquals(1, relay.client().insideConnections(), "the refused partner reached the inside");
    }
}
