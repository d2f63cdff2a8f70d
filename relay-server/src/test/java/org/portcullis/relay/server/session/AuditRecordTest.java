package org.portcullis.relay.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.portcullis.relay.server.session.AuditRecord.Verdict;

class AuditRecordTest {
    @Test
    void isOneLineOfJsonWithEveryFieldAndEscapedText() {
        AuditRecord record = new AuditRecord(Instant.parse("2026-01-02T03:04:05Z"), "a1b2c3d4", "192.0.2.7:40001",
                "CN=O0013000000PARTNER", "1f", "O0013000000PARTNER", "incoming", Verdict.REFUSED,
                "said \"hi\"\nthen left", 61, 23, Duration.ofMillis(1234));
        assertEquals("{\"time\":\"2026-01-02T03:04:05Z\",\"sessionId\":\"a1b2c3d4\",\"peer\":\"192.0.2.7:40001\","
                + "\"certificateSubject\":\"CN=O0013000000PARTNER\",\"certificateSerial\":\"1f\","
                + "\"odetteId\":\"O0013000000PARTNER\",\"direction\":\"incoming\",\"verdict\":\"refused\","
                + "\"reason\":\"said \\\"hi\\\"\\nthen left\",\"bytesFromPartner\":61,\"bytesToPartner\":23,"
                + "\"durationMs\":1234}", record.toJson());
    }

    @Test
    void unknownFieldsAreNull() {
        AuditRecord record = new AuditRecord(Instant.EPOCH, "s", null, null, null, null, "outgoing", Verdict.ENDED,
                "x", 0, 0, Duration.ZERO);
        assertEquals("{\"time\":\"1970-01-01T00:00:00Z\",\"sessionId\":\"s\",\"peer\":null,\"certificateSubject\":null,"
                + "\"certificateSerial\":null,\"odetteId\":null,\"direction\":\"outgoing\",\"verdict\":\"ended\","
                + "\"reason\":\"x\",\"bytesFromPartner\":0,\"bytesToPartner\":0,\"durationMs\":0}", record.toJson());
    }
}
