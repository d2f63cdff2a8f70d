package org.portcullis.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a leaf certificate of the test PKI should say: subject, names, validity window and an optional
 * CRL distribution point (used for the TLS identities of RFC 5024 section 2.3).
 *
 * @param commonName the subject CN, e.g. an Odette ID
 * @param dnsNames subjectAltName DNS entries
 * @param ipAddresses subjectAltName IP entries (literal addresses)
 * @param validity when the certificate is valid, relative to now
 * @param crlDistributionPoint a URL written into the certificate, if present
 * @param keyType the key algorithm of the leaf
 */
public record LeafSpec(
        String commonName,
        List<String> dnsNames,
        List<String> ipAddresses,
        Validity validity,
        Optional<String> crlDistributionPoint,
        KeyType keyType) {

    /** A validity window relative to the moment of issuing. */
    public enum Validity {
        /** Valid from one hour ago for one day. */
        CURRENT(Duration.ofHours(-1), Duration.ofDays(1)),
        /** Valid from two days ago until one day ago. */
        EXPIRED(Duration.ofDays(-2), Duration.ofDays(-1)),
        /** Valid from tomorrow until the day after. */
        NOT_YET_VALID(Duration.ofDays(1), Duration.ofDays(2));

        private final Duration notBeforeOffset;
        private final Duration notAfterOffset;

        Validity(Duration notBeforeOffset, Duration notAfterOffset) {
            this.notBeforeOffset = notBeforeOffset;
            this.notAfterOffset = notAfterOffset;
        }

        /** Offset of notBefore from now. */
        public Duration notBeforeOffset() {
            return notBeforeOffset;
        }

        /** Offset of notAfter from now. */
        public Duration notAfterOffset() {
            return notAfterOffset;
        }
    }

    public LeafSpec {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }

    /** A server certificate for loopback: SAN DNS localhost, IP 127.0.0.1 and ::1. */
    public static LeafSpec server() {
        return new LeafSpec("localhost", List.of("localhost"), List.of("127.0.0.1", "::1"),
                Validity.CURRENT, Optional.empty(), KeyType.EC_P256);
    }

    /** A client certificate whose subject CN is the given name (an Odette ID, say), without SANs. */
    public static LeafSpec client(String commonName) {
        return new LeafSpec(commonName, List.of(), List.of(), Validity.CURRENT, Optional.empty(), KeyType.EC_P256);
    }

    /** A server certificate that names a host nobody connects to, for hostname-mismatch tests. */
    public static LeafSpec wrongNameServer() {
        return new LeafSpec("wrong.example.invalid", List.of("wrong.example.invalid"), List.of(),
                Validity.CURRENT, Optional.empty(), KeyType.EC_P256);
    }

    /** This spec with another validity window. */
    public LeafSpec withValidity(Validity newValidity) {
        return new LeafSpec(commonName, dnsNames, ipAddresses, newValidity, crlDistributionPoint, keyType);
    }

    /** This spec with a CRL distribution point URL in the certificate. */
    public LeafSpec withCrlDistributionPoint(String url) {
        return new LeafSpec(commonName, dnsNames, ipAddresses, validity, Optional.of(url), keyType);
    }

    /** This spec with another key algorithm. */
    public LeafSpec withKeyType(KeyType newKeyType) {
        return new LeafSpec(commonName, dnsNames, ipAddresses, validity, crlDistributionPoint, newKeyType);
    }

    /** This spec with the loopback SANs of {@link #server()} added, so the identity can serve TLS too. */
    public LeafSpec withLoopbackNames() {
        return new LeafSpec(commonName, server().dnsNames(), server().ipAddresses(), validity,
                crlDistributionPoint, keyType);
    }
}
