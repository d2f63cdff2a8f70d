package org.portcullis.relay.server;

import java.nio.file.Path;
import org.portcullis.link.LinkCredentials;
import picocli.CommandLine.Option;

/** The link's credentials on disk: the only files relay-server reads besides its license. */
final class LinkOptions {
    @Option(names = "--link-cert", required = true, paramLabel = "PEM",
            description = "relay-server's link certificate chain (PEM), leaf first.")
    private Path certificate;

    @Option(names = "--link-key", required = true, paramLabel = "PEM",
            description = "Its private key (unencrypted PKCS#8 PEM); readable by the service user only.")
    private Path key;

    @Option(names = "--link-ca", required = true, paramLabel = "PEM",
            description = "The CA relay-client's link certificate must chain to.")
    private Path ca;

    @Option(names = "--link-pin", paramLabel = "sha256:HEX",
            description = "Also require relay-client's link certificate to have this SHA-256 digest (of its DER form).")
    private String pin;

    LinkCredentials credentials() {
        return new LinkCredentials(certificate, key, ca, pin);
    }
}
