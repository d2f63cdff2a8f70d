package org.portcullis.relay.server.session;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.portcullis.daemon.metrics.PrometheusText;
import org.portcullis.daemon.metrics.PrometheusText.Type;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.relay.server.session.AuditRecord.Verdict;

/**
 * The counters of relay-server's sessions for {@code metrics}: sessions ended by verdict, octets each way,
 * refusals by reason (the ESID sent, {@code none} without one, {@code rate_limited} before TLS). Every label
 * has a few fixed values: no partner, address or session is a label. Thread-safe; cheap to count.
 */
public final class SessionMetrics {
    /** The reason of a refusal without an ESID: TLS failed, or the partner went away first. */
    static final String NO_ESID = "none";
    /** The reason of a connection closed by the per-source rate limit, before TLS. */
    public static final String RATE_LIMITED = "rate_limited";
    /** The reason of a connection closed before TLS: its source has as many connections not yet admitted as it may. */
    public static final String PENDING_PER_SOURCE = "pending_per_source";
    /** The reason of a connection closed before TLS: as many connections are not yet admitted as the relay holds. */
    public static final String PENDING_TOTAL = "pending_total";

    private final Map<Verdict, LongAdder> ended = new EnumMap<>(Verdict.class);
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final LongAdder fromPartner = new LongAdder();
    private final LongAdder toPartner = new LongAdder();

    public SessionMetrics() {
        for (Verdict verdict : Verdict.values()) {
            ended.put(verdict, new LongAdder());
        }
    }

    void countFromPartner(long octets) {
        fromPartner.add(octets);
    }

    void countToPartner(long octets) {
        toPartner.add(octets);
    }

    /** The reason label of a refusal by the relay: the ESID's name, {@code none} without one. */
    static String reason(EsidReason esid) {
        return esid == null ? NO_ESID : esid.name().toLowerCase(Locale.ROOT);
    }

    /** A session ended; a refusal also counts by reason. */
    void ended(Verdict verdict, EsidReason esid) {
        ended.get(verdict).increment();
        if (verdict == Verdict.REFUSED) {
            refused(reason(esid));
        }
    }

    /** A refusal by one of the few reasons (an ESID's name, {@link #RATE_LIMITED}). */
    public void refused(String reason) {
        refusals.computeIfAbsent(reason, any -> new LongAdder()).increment();
    }

    /** Refusals so far, of every reason. */
    public long refusals() {
        return refusals.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Writes the session families. */
    public void write(PrometheusText out, LiveSessions live) {
        out.family("portcullis_sessions_active", Type.GAUGE, "Partner sessions running now, by direction.")
                .sample(live.active(RelaySession.Direction.INCOMING), "direction", "incoming")
                .sample(live.active(RelaySession.Direction.OUTGOING), "direction", "outgoing");
        PrometheusText.Family verdicts = out.family("portcullis_sessions_total", Type.COUNTER,
                "Partner sessions ended, by verdict (as in the audit record).");
        ended.forEach((verdict, count) -> verdicts.sample(count.sum(), "verdict",
                verdict.name().toLowerCase(Locale.ROOT)));
        out.family("portcullis_session_bytes_total", Type.COUNTER, "Octets of STB frames relayed, by direction.")
                .sample(fromPartner.sum(), "direction", "from_partner")
                .sample(toPartner.sum(), "direction", "to_partner");
        PrometheusText.Family refused = out.family("portcullis_refusals_total", Type.COUNTER,
                "Partner sessions refused, by reason: the ESID sent (none without one), or before TLS rate_limited, "
                + "pending_per_source or pending_total.");
        refusals.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> refused.sample(entry.getValue().sum(), "reason", entry.getKey()));
    }
}
