package org.portcullis.relay.server.refusals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.relay.server.session.AuditRecord;
import org.portcullis.relay.server.session.AuditRecord.Endpoint;
import org.portcullis.relay.server.session.AuditRecord.Ending;
import org.portcullis.relay.server.session.AuditRecord.EsidSender;
import org.portcullis.relay.server.session.AuditRecord.Verdict;
import org.portcullis.relay.server.session.RelaySession.Direction;

/** Audit files as relay-server writes them, one record at a time, for tests of what reads them. */
final class AuditLines {
    private final Path dir;
    private int sessions;

    AuditLines(Path dir) {
        this.dir = dir;
    }

    /** A partner refused by the relay, with the ESID it got (or none). */
    AuditLines partner(String time, String odetteId, String ip, EsidReason esid, String reason) throws IOException {
        Instant end = Instant.parse(time);
        return write(new AuditRecord(id(), Direction.INCOMING, end.minusMillis(80), end, new Endpoint(ip, 40000),
                new Endpoint("198.51.100.1", 6619), null, null, odetteId, Ending.byRelay(Verdict.REFUSED, esid,
                        reason), 0, 0));
    }

    /** A partner's session that completed. */
    AuditLines completed(String time, String odetteId, String ip) throws IOException {
        Instant end = Instant.parse(time);
        return write(new AuditRecord(id(), Direction.INCOMING, end.minus(Duration.ofSeconds(3)), end,
                new Endpoint(ip, 40000), new Endpoint("198.51.100.1", 6619), null, null, odetteId,
                new Ending(Verdict.COMPLETED, EsidReason.NORMAL_TERMINATION, EsidSender.PARTNER, "ESID 00 from the partner"),
                5000, 300));
    }

    /** An outgoing session refused before it reached its partner ({@code host} null: no such route). */
    AuditLines egress(String time, String route, String host, int port, String reason) throws IOException {
        Instant end = Instant.parse(time);
        return write(new AuditRecord(id(), Direction.OUTGOING, end.minusMillis(5), end,
                host == null ? null : new Endpoint(host, port), null, route, null, null,
                Ending.byRelay(Verdict.REFUSED, null, reason), 0, 0));
    }

    /** A line that is no audit record. */
    AuditLines garbage(String day, String text) throws IOException {
        Files.writeString(dir.resolve("audit-" + day + ".json"), text + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return this;
    }

    private AuditLines write(AuditRecord record) throws IOException {
        String day = record.end().toString().substring(0, 10);
        Files.writeString(dir.resolve("audit-" + day + ".json"), record.toJson() + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return this;
    }

    private String id() {
        return String.format("s%07d", ++sessions);
    }
}
