package org.portcullis.backend.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.portcullis.config.CertificatePin;
import org.portcullis.config.ClientCertificatePolicy;
import org.portcullis.config.PartnerConfig;
import picocli.CommandLine.Option;

/** The options of {@code partner add} and {@code partner update}: each one given replaces that field. */
public final class PartnerOptions {
    @Option(names = "--network", paramLabel = "CIDR",
            description = "a network the partner may connect from (repeatable); none: anywhere")
    List<String> networks;

    @Option(names = "--any-network", description = "(update) let the partner connect from anywhere")
    boolean anyNetwork;

    @Option(names = "--pin", paramLabel = "sha256:HEX",
            description = "the SHA-256 pin of a certificate the partner may present (repeatable)")
    List<String> pins;

    @Option(names = "--pin-cert", paramLabel = "PEM",
            description = "pin the certificates in this file (repeatable)")
    List<Path> pinCertificates;

    @Option(names = "--no-pins", description = "(update) accept any certificate that chains to the trusted CAs")
    boolean noPins;

    @Option(names = "--client-certificate", paramLabel = "POLICY",
            description = "REQUIRED (default), OPTIONAL or NONE")
    ClientCertificatePolicy clientCertificate;

    /** The partner with the fields these options give replaced. */
    PartnerConfig applyTo(PartnerConfig partner) {
        List<String> newNetworks = anyNetwork ? List.of() : networks != null ? networks : partner.allowedNetworks();
        List<String> newPins = partner.certificatePins();
        if (noPins || pins != null || pinCertificates != null) {
            newPins = new ArrayList<>(pins == null ? List.of() : pins);
            for (Path file : pinCertificates == null ? List.<Path>of() : pinCertificates) {
                for (X509Certificate certificate : CertificateFiles.read(file)) {
                    newPins.add(CertificatePin.of(certificate).toString());
                }
            }
        }
        return new PartnerConfig(partner.odetteId(), partner.passwordHash(), newPins, newNetworks,
                clientCertificate != null ? clientCertificate : partner.clientCertificate());
    }
}
