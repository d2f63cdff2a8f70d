package org.portcullis.daemon.control;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.Level;

/**
 * The log levels set for one partner (by Odette ID) or one session (by id), each until an optional instant. A
 * session's level wins over its partner's. Read on every log call through {@link LevelOverrideFilter}, so
 * reading is lock-free (copy on write) and costs one volatile read while no level is set. Thread-safe.
 */
public final class LevelOverrides {
    /** What a set level applies to. */
    public enum Scope {
        PARTNER, SESSION
    }

    /**
     * A level in force.
     *
     * @param until when it reverts, or {@code null} to keep it until changed
     */
    public record Entry(Scope scope, String key, Level level, Instant until) {
        boolean expired(Instant now) {
            return until != null && !now.isBefore(until);
        }

        @Override
        public String toString() {
            return scope.name().toLowerCase(Locale.ROOT) + " " + key + " " + level
                    + (until == null ? "" : " until " + until);
        }
    }

    private record Table(Map<String, Entry> partners, Map<String, Entry> sessions) {
        static final Table EMPTY = new Table(Map.of(), Map.of());

        boolean isEmpty() {
            return partners.isEmpty() && sessions.isEmpty();
        }
    }

    private final Clock clock;
    private volatile Table table = Table.EMPTY;

    public LevelOverrides(Clock clock) {
        this.clock = clock;
    }

    /** Sets the level of a partner's or a session's lines; {@code until} {@code null} keeps it until changed. */
    public synchronized void set(Scope scope, String key, Level level, Instant until) {
        Entry entry = new Entry(scope, key, level, until);
        Map<String, Entry> partners = new HashMap<>(table.partners);
        Map<String, Entry> sessions = new HashMap<>(table.sessions);
        (scope == Scope.PARTNER ? partners : sessions).put(key, entry);
        table = new Table(Map.copyOf(partners), Map.copyOf(sessions));
    }

    /** Removes a level; the removed entry, if there was one. */
    public synchronized Optional<Entry> clear(Scope scope, String key) {
        Map<String, Entry> partners = new HashMap<>(table.partners);
        Map<String, Entry> sessions = new HashMap<>(table.sessions);
        Entry removed = (scope == Scope.PARTNER ? partners : sessions).remove(key);
        table = new Table(Map.copyOf(partners), Map.copyOf(sessions));
        return Optional.ofNullable(removed);
    }

    /** Removes the entries whose time is up; returns them. */
    public synchronized List<Entry> removeExpired() {
        Instant now = clock.instant();
        List<Entry> expired = new ArrayList<>();
        for (Entry entry : entries()) {
            if (entry.expired(now)) {
                expired.add(entry);
            }
        }
        expired.forEach(entry -> clear(entry.scope(), entry.key()));
        return expired;
    }

    /** Every entry, sessions first. */
    public List<Entry> entries() {
        Table now = table;
        List<Entry> all = new ArrayList<>(now.sessions.values());
        all.addAll(now.partners.values());
        return all;
    }

    /** True while no level is set: the filter's fast path. */
    public boolean isEmpty() {
        return table.isEmpty();
    }

    /** The level for a tagged line: its session's, else its partner's, else {@code null}. Expired ones count not. */
    public Level levelFor(SessionTag tag) {
        Table now = table;
        if (now.isEmpty()) {
            return null;
        }
        Entry entry = now.sessions.get(tag.sessionId());
        if (entry == null && tag.odetteId() != null) {
            entry = now.partners.get(tag.odetteId());
        }
        if (entry == null || entry.expired(clock.instant())) {
            return null;
        }
        return entry.level();
    }
}
