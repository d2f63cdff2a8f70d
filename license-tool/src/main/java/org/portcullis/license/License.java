package org.portcullis.license;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a license grants: who, on which host, from which day through which day (UTC, both inclusive), and its
 * limits. {@code otherFields} are further limits a newer license-tool may write: they are signed and shown, and
 * ignored by a relay-server that does not know them.
 *
 * @param licensee    the organisation licensed, 1 to 200 characters, no control characters
 * @param proxyId     the host it is for
 * @param issued      the day it was issued (informational)
 * @param notBefore   the first day it is valid
 * @param expires     the last day it is valid
 * @param maxSessions the most OFTP2 sessions relay-server runs at once; empty for no limit from the license
 * @param otherFields further {@code name: value} fields, by name
 */
public record License(String licensee, ProxyId proxyId, LocalDate issued, LocalDate notBefore, LocalDate expires,
        OptionalInt maxSessions, SortedMap<String, String> otherFields) {
    /** The most characters of the licensee and of other fields' values. */
    public static final int MAX_TEXT_LENGTH = 200;
    /** The field names of this version, which other fields must not take. */
    static final Set<String> KNOWN_FIELDS = Set.of("format", "licensee", "proxy-id", "issued", "not-before",
            "expires", "max-sessions", "signature");

    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** @throws IllegalArgumentException naming the first field that is not valid */
    public License {
        Objects.requireNonNull(proxyId, "proxyId");
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(maxSessions, "maxSessions");
        checkText("licensee", licensee);
        if (expires.isBefore(notBefore)) {
            throw new IllegalArgumentException("expires " + expires + " is before not-before " + notBefore);
        }
        if (maxSessions.isPresent() && maxSessions.getAsInt() < 1) {
            throw new IllegalArgumentException("max-sessions must be at least 1, not " + maxSessions.getAsInt());
        }
        otherFields.forEach(License::checkOtherField);
        otherFields = Collections.unmodifiableSortedMap(new TreeMap<>(otherFields));
    }

    /** A license without a session limit or other fields, issued on its first day. */
    public static License of(String licensee, ProxyId proxyId, LocalDate notBefore, LocalDate expires) {
        return new License(licensee, proxyId, notBefore, notBefore, expires, OptionalInt.empty(), new TreeMap<>());
    }

    /** This license with at most {@code sessions} sessions at once. */
    public License withMaxSessions(int sessions) {
        return new License(licensee, proxyId, issued, notBefore, expires, OptionalInt.of(sessions), otherFields);
    }

    /** This license with one more (or a changed) other field. */
    public License withOtherField(String name, String value) {
        SortedMap<String, String> fields = new TreeMap<>(otherFields);
        fields.put(name, value);
        return new License(licensee, proxyId, issued, notBefore, expires, maxSessions, fields);
    }

    /** The first instant it is valid: the start of {@code notBefore}, UTC. */
    public Instant validFrom() {
        return notBefore.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant it is no longer valid: the end of {@code expires}, UTC. */
    public Instant validUntil() {
        return expires.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whether {@code now} lies in its validity. */
    public boolean isValidAt(Instant now) {
        return !now.isBefore(validFrom()) && now.isBefore(validUntil());
    }

    /** Whole days from today (UTC) to the last valid day: 0 on that day, negative once expired. */
    public long daysLeft(Instant now) {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(now, ZoneOffset.UTC), expires);
    }

    private static void checkOtherField(String name, String value) {
        if (name == null || !FIELD_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("field name '" + name + "' is not 1 to 32 of a-z, 0-9 and -,"
                    + " starting with a letter");
        }
        if (KNOWN_FIELDS.contains(name)) {
            throw new IllegalArgumentException("field name '" + name + "' is taken by the license format");
        }
        checkText(name, value);
    }

    private static void checkText(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (!value.strip().equals(value)) {
            throw new IllegalArgumentException(field + " starts or ends with a space");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new IllegalArgumentException(field + " contains a control character");
        }
    }
}
