package org.portcullis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.config.RelayConfig;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.TestPki;

/**
 * A new configuration document in relay-client's {@code --config-file} is pushed to relay-server and applied while
 * a transfer runs (docs/relay-server.md, Configuration over the link): the transfer completes intact, new sessions
 * get the new server certificate, and the partner added can connect.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LiveReconfigurationIT {
    private static final String NEWCOMER = "O0013000000NEWCOMER";

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayPath relay = new RelayPath(PKI);

    private final Partners partners = new Partners(relay);

    @Test
    void appliesANewPartnerAndServerCertificateWhileATransferRunsAndTheTransferCompletes() throws Exception {
        relay.startClient(relay.config());
        ServerCertificateProbe probe = new ServerCertificateProbe(relay.group(), PKI.client(TestConfig.PARTNER_ID));
        assertEquals(relay.serverIdentity().certificate(), probe.presentedBy(relay.partnerAddress(),
                RelayPath.TIMEOUT), "revision 1's certificate");
        Path outbox = relay.folder("newcomer-out");
        TestFiles.Written file = TestFiles.random(outbox, "WELCOME", Figures.MIB, 8);
        assertEquals(EsidReason.USER_CODE_NOT_KNOWN, newcomer(outbox).esidReceived().reason(),
                "the newcomer is not a partner of revision 1");
        HeldTransfers running = HeldTransfers.start(relay, partners, 1, Figures.concurrentFile());

        Identity newCertificate = PKI.server();
        RelayConfig revision2 = relay.config().withRevision("2")
                .withServerIdentity(TestConfig.identity(newCertificate))
                .withPartners(List.of(TestConfig.partner(TestConfig.PARTNER_ID), TestConfig.partner(NEWCOMER)));
        relay.writeConfig(revision2);
        X509Certificate expected = newCertificate.certificate();
        Await.until(() -> expected.equals(probe.presentedBy(relay.partnerAddress(), RelayPath.TIMEOUT)),
                RelayPath.TIMEOUT, "new sessions to get revision 2's certificate");

        assertFalse(running.anyEnded(), "the transfer runs on under revision 1");
        running.releaseAndAssertIntact();

        SessionResult newcomer = newcomer(outbox);
        assertEquals(SessionOutcome.NORMAL_END, newcomer.outcome(), newcomer::toString);
        assertEquals(file.sha256(), TestFiles.sha256(relay.inside().inbox().resolve("WELCOME")));
    }

    private SessionResult newcomer(Path outbox) throws Exception {
        return Partners.outcome(partners.callRelay(partners.caller(PeerConfig.builder(NEWCOMER,
                TestConfig.PARTNER_PASSWORD).sendDir(outbox), PKI.client(NEWCOMER))));
    }
}
