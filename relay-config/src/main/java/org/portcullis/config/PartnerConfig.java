package org.portcullis.config;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A trading partner allowed to start sessions with us (RFC 5024 section 5.3.2, SSID): who it is, how it
 * proves it, where it may come from.
 *
 * @param odetteId the partner's SSIDCODE: 1-25 characters of the OFTP X set (A-Z 0-9 / - . &amp; ( )), no spaces
 * @param passwordHash its SSIDPSWD as a {@link PasswordHash} ("pbkdf2-sha256$..."), never the password
 * @param certificatePins "sha256:&lt;64 hex&gt;" digests of the DER certificates it may present; empty = any
 *                        certificate that chains to the trusted CAs
 * @param allowedNetworks CIDR blocks or single addresses, IPv4 or IPv6, it may connect from; empty = anywhere
 * @param clientCertificate whether it must present a TLS client certificate, default REQUIRED
 */
public record PartnerConfig(String odetteId, String passwordHash, List<String> certificatePins,
                            List<String> allowedNetworks, ClientCertificatePolicy clientCertificate) {
    private static final Pattern ODETTE_ID = Pattern.compile("[0-9A-Z/\\-.&()]{1,25}");

    /** Checks every field; missing lists become empty, a missing policy REQUIRED. */
    public PartnerConfig {
        if (!isOdetteId(odetteId)) {
            throw new IllegalArgumentException("odetteId must be 1-25 characters of the OFTP X set");
        }
        String hashProblem = PasswordHash.check(passwordHash);
        if (hashProblem != null) {
            throw new IllegalArgumentException("passwordHash " + hashProblem);
        }
        certificatePins = certificatePins == null ? List.of() : List.copyOf(certificatePins);
        certificatePins.forEach(CertificatePin::parse);
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        allowedNetworks.forEach(NetworkRange::parse);
        clientCertificate = clientCertificate == null ? ClientCertificatePolicy.REQUIRED : clientCertificate;
    }

    /** True for 1-25 characters of the OFTP X set without spaces (RFC 5024 section 5.2, X(25)). */
    public static boolean isOdetteId(String text) {
        return text != null && ODETTE_ID.matcher(text).matches();
    }

    /** True if the source address is in one of the allowed networks, or no networks are configured. */
    public boolean allows(InetAddress source) {
        Objects.requireNonNull(source, "source");
        return allowedNetworks.isEmpty()
                || allowedNetworks.stream().anyMatch(network -> NetworkRange.parse(network).contains(source));
    }

    /** True if the certificate matches one of the pins, or no pins are configured. */
    public boolean pinMatches(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        return certificatePins.isEmpty()
                || certificatePins.stream().anyMatch(pin -> CertificatePin.parse(pin).matches(certificate));
    }

    /** Shows the hash only by its scheme. */
    @Override
    public String toString() {
        return "PartnerConfig[odetteId=" + odetteId + ", certificatePins=" + certificatePins + ", allowedNetworks="
                + allowedNetworks + ", clientCertificate=" + clientCertificate + "]";
    }
}
