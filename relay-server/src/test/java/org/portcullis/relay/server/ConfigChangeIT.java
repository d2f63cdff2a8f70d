package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.config.ListenerConfig;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.peer.PeerConfig;
import org.portcullis.oftp2.peer.SessionOutcome;
import org.portcullis.oftp2.peer.SessionResult;
import org.portcullis.testkit.TestPki;

/**
 * Configurations relay-client pushes are applied whole or not at all, and a new one never ends a running
 * session: new partners, certificates and listeners take effect for new sessions only.
 */
@Timeout(120)
class ConfigChangeIT {
    private static final String NEW_PARTNER = "O0013000000NEWCOMER";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    final RelayHarness relay = new RelayHarness(PKI);

    private SessionResult send(String odetteId, Path outbox, InetSocketAddress relayAddress) throws Exception {
        return relay.partner(PeerConfig.builder(odetteId, TestRelayConfig.PARTNER_PASSWORD).sendDir(outbox),
                PKI.client(odetteId), odetteId).connect(relayAddress)
                .get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void refusesAnInvalidConfigurationWholeWithEveryErrorAndKeepsTheOldOne() throws Exception {
        assertTrue(relay.client().push(new TestRelayConfig(PKI).revision("1").json(), RelayHarness.TIMEOUT)
                .path("applied").booleanValue());
        List<InetSocketAddress> listening = relay.server().partnerAddresses();

        ObjectNode invalid = (ObjectNode) JSON.readTree(new TestRelayConfig(PKI).revision("2")
                .listeners(new ListenerConfig("::1", 0)).addPartner(TestRelayConfig.partner(NEW_PARTNER)).json());
        ((ObjectNode) invalid.path("partners").get(0)).put("odetteId", "not an odette id");
        ((ObjectNode) invalid.path("limits")).put("maxSessions", 0);
        JsonNode result = relay.client().push(JSON.writeValueAsBytes(invalid), RelayHarness.TIMEOUT);

        assertFalse(result.path("applied").booleanValue(), result::toString);
        assertTrue(result.path("errors").size() >= 2, result::toString);
        assertTrue(result.path("errors").toString().contains("partners[0].odetteId"), result::toString);
        assertTrue(result.path("errors").toString().contains("limits.maxSessions"), result::toString);
        assertEquals(listening, relay.server().partnerAddresses(), "the listeners of revision 1 stay");
        SessionResult newcomer = send(NEW_PARTNER, relay.folder("new-out"), relay.partnerAddress());
        assertEquals(EsidReason.USER_CODE_NOT_KNOWN, newcomer.esidReceived().reason(),
                "the partner of the refused revision is unknown");
    }

    @Test
    void appliesANewConfigurationWhileATransferRunsAndTheTransferCompletes() throws Exception {
        relay.client().push(new TestRelayConfig(PKI).revision("1").json(), RelayHarness.TIMEOUT);
        InetSocketAddress before = relay.partnerAddress();
        Path outbox = relay.folder("partner-out");
        String sha256 = TestFiles.sha256(TestFiles.random(outbox, "PAYLOAD", 4L * TestFiles.MIB, 7));
        InsideGate gate = InsideGate.holdingAfter(TestFiles.MIB);
        relay.client().holdInside(gate);

        CompletableFuture<SessionResult> running = relay.partner(PeerConfig.builder(TestRelayConfig.PARTNER_ID,
                TestRelayConfig.PARTNER_PASSWORD).sendDir(outbox), PKI.client(TestRelayConfig.PARTNER_ID), "partner")
                .connect(before);
        gate.holding().get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        JsonNode result = relay.client().push(new TestRelayConfig(PKI).revision("2")
                .listeners(new ListenerConfig("::1", 0)).addPartner(TestRelayConfig.partner(NEW_PARTNER)).json(),
                RelayHarness.TIMEOUT);
        assertTrue(result.path("applied").booleanValue(), result::toString);
        InetSocketAddress after = relay.partnerAddress();
        assertNotEquals(before, after);
        assertEquals("0:0:0:0:0:0:0:1", after.getAddress().getHostAddress());
        assertThrows(Exception.class, () -> new Socket(before.getAddress(), before.getPort()).close(),
                "the old listening socket is closed");
        assertFalse(running.isDone(), "the transfer is still running");

        relay.client().holdInside(InsideGate.OPEN);
        gate.opened().complete(null);
        SessionResult partner = running.get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(SessionOutcome.NORMAL_END, partner.outcome(), partner::toString);
        assertEquals(sha256, TestFiles.sha256(relay.insideReceived().resolve("PAYLOAD")));
        relay.nextInsideResult();

        Path newOutbox = relay.folder("new-out");
        TestFiles.random(newOutbox, "WELCOME", 1000, 8);
        SessionResult newcomer = send(NEW_PARTNER, newOutbox, after);
        assertEquals(SessionOutcome.NORMAL_END, newcomer.outcome(), newcomer::toString);
    }
}
