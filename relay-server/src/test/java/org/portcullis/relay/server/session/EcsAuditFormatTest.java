package org.portcullis.relay.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.relay.server.session.AuditRecord.Endpoint;
import org.portcullis.relay.server.session.AuditRecord.Ending;
import org.portcullis.relay.server.session.AuditRecord.EsidSender;
import org.portcullis.relay.server.session.AuditRecord.PartnerCertificate;
import org.portcullis.relay.server.session.AuditRecord.Verdict;
import org.portcullis.relay.server.session.RelaySession.Direction;
import org.portcullis.testkit.TestPki;

class EcsAuditFormatTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant END = Instant.parse("2026-01-02T03:04:06.234Z");

    @Test
    void writesARefusedPartnerWithEcsFieldNames() throws Exception {
        AuditRecord record = new AuditRecord("a1b2c3d4", Direction.INCOMING, START, END,
                new Endpoint("192.0.2.7", 40001), new Endpoint("198.51.100.1", 6619), null,
                new PartnerCertificate("CN=O0013000000PARTNER,O=Example", "1F"), "O0013000000PARTNER",
                Ending.byRelay(Verdict.REFUSED, EsidReason.INVALID_PASSWORD, "wrong password"), 61, 23);

        String line = record.toJson();
        JsonNode json = JSON.readTree(line);

        assertFalse(line.contains("\n"), line);
        assertEquals("2026-01-02T03:04:06.234Z", json.path("@timestamp").asText());
        assertEquals(EcsAuditFormat.ECS_VERSION, json.at("/ecs/version").asText());
        assertEquals("event", json.at("/event/kind").asText());
        assertEquals(List.of("network", "session", "authentication"), texts(json.at("/event/category")));
        assertEquals(List.of("connection", "end", "denied"), texts(json.at("/event/type")));
        assertEquals("session-refused", json.at("/event/action").asText());
        assertEquals("failure", json.at("/event/outcome").asText());
        assertEquals("wrong password", json.at("/event/reason").asText());
        assertEquals(1_234_000_000L, json.at("/event/duration").asLong());
        assertEquals("2026-01-02T03:04:05Z", json.at("/event/start").asText());
        assertEquals("inbound", json.at("/network/direction").asText());
        assertEquals("192.0.2.7", json.at("/source/ip").asText());
        assertEquals(40001, json.at("/source/port").asInt());
        assertEquals(61, json.at("/source/bytes").asLong());
        assertEquals("198.51.100.1", json.at("/destination/ip").asText());
        assertEquals(6619, json.at("/destination/port").asInt());
        assertEquals(23, json.at("/destination/bytes").asLong());
        assertEquals("CN=O0013000000PARTNER,O=Example", json.at("/tls/client/subject").asText());
        assertEquals("1F", json.at("/tls/client/x509/serial_number").asText());
        assertEquals("O0013000000PARTNER", json.at("/user/name").asText());
        assertEquals("a1b2c3d4", json.at("/portcullis/session/id").asText());
        assertEquals("incoming", json.at("/portcullis/direction").asText());
        assertEquals("refused", json.at("/portcullis/verdict").asText());
        assertEquals(4, json.at("/portcullis/esid/code").asInt());
        assertEquals("Invalid password", json.at("/portcullis/esid/reason").asText());
        assertEquals("relay", json.at("/portcullis/esid/sender").asText());
    }

    @Test
    void anOutgoingSessionHasTheRelayAsSourceAndThePartnerAsDestination() throws Exception {
        AuditRecord record = new AuditRecord("out-1", Direction.OUTGOING, START, END,
                new Endpoint("oftp.partner.example", 6619), new Endpoint("2001:db8::5", 51000), "far-partner",
                new PartnerCertificate("CN=oftp.partner.example", "ABC"), "O0013000000FAR",
                new Ending(Verdict.COMPLETED, EsidReason.NORMAL_TERMINATION, EsidSender.INSIDE, "ESID 00 from the inside"),
                500, 7000);

        JsonNode json = JSON.readTree(record.toJson());

        assertEquals("outbound", json.at("/network/direction").asText());
        assertEquals("2001:db8::5", json.at("/source/ip").asText());
        assertEquals(7000, json.at("/source/bytes").asLong());
        assertEquals("oftp.partner.example", json.at("/destination/address").asText());
        assertEquals("oftp.partner.example", json.at("/destination/domain").asText());
        assertTrue(json.at("/destination/ip").isMissingNode());
        assertEquals(6619, json.at("/destination/port").asInt());
        assertEquals(500, json.at("/destination/bytes").asLong());
        assertEquals("CN=oftp.partner.example", json.at("/tls/server/subject").asText());
        assertEquals("ABC", json.at("/tls/server/x509/serial_number").asText());
        assertTrue(json.at("/tls/client").isMissingNode());
        assertEquals("far-partner", json.at("/portcullis/route").asText());
        assertEquals("success", json.at("/event/outcome").asText());
        assertEquals(List.of("connection", "end", "allowed"), texts(json.at("/event/type")));
        assertEquals(List.of("network", "session"), texts(json.at("/event/category")));
        assertEquals(0, json.at("/portcullis/esid/code").asInt(-1));
        assertEquals("inside", json.at("/portcullis/esid/sender").asText());
    }

    @Test
    void leavesOutWhatIsNotKnownAndEscapesText() throws Exception {
        AuditRecord record = new AuditRecord("s", Direction.OUTGOING, START, START, null, null, "nowhere", null, null,
                Ending.byRelay(Verdict.REFUSED, null, "no route named \"nowhere\"\n\tsecond line"), 0, 0);

        String line = record.toJson();
        JsonNode json = JSON.readTree(line);

        assertFalse(line.contains("\n"), line);
        assertEquals("no route named \"nowhere\"\n\tsecond line", json.at("/event/reason").asText());
        assertTrue(json.path("user").isMissingNode());
        assertTrue(json.path("tls").isMissingNode());
        assertTrue(json.at("/portcullis/esid").isMissingNode());
        assertTrue(json.at("/source/ip").isMissingNode());
        assertEquals(0, json.at("/source/bytes").asLong(-1));
        assertEquals(0, json.at("/event/duration").asLong(-1));
    }

    @Test
    void takesTheSubjectAndTheSerialInUpperCaseHexFromTheCertificate() {
        X509Certificate certificate = PKI.client("O0013000000PARTNER").certificate();

        PartnerCertificate taken = PartnerCertificate.of(certificate);

        assertEquals(certificate.getSubjectX500Principal().getName(), taken.subject());
        assertEquals(certificate.getSerialNumber(), new BigInteger(taken.serialNumber(), 16));
        assertEquals(taken.serialNumber().toUpperCase(Locale.ROOT), taken.serialNumber());
    }

    @Test
    void endpointsShowIpv6InBracketsAndNoUnknownPort() {
        assertEquals("[2001:db8::1]:6619", new Endpoint("2001:db8::1", 6619).toString());
        assertEquals("host.example", new Endpoint("host.example", 0).toString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
