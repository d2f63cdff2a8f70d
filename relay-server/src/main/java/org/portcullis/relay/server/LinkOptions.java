package org.portcullis.relay.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.portcullis.link.LinkCredentials;
import org.portcullis.link.LinkException;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The link's credentials on disk: the only files relay-server reads besides its license. */
final class LinkOptions {
    @Option(names = "--link-cert", paramLabel = "PEM",
            description = "relay-server's link certificate chain (PEM), leaf first.")
    private Path certificate;

    @Option(names = "--link-key", paramLabel = "PEM",
            description = "Its private key (unencrypted PKCS#8 PEM); readable by the service user only.")
    private Path key;

    @Option(names = "--link-ca", paramLabel = "PEM",
            description = "The CA relay-client's link certificate must chain to.")
    private Path ca;

    @Option(names = "--link-pin", paramLabel = "sha256:HEX",
            description = "Also require relay-client's link certificate to have this SHA-256 digest (of its DER form).")
    private String pin;

    /**
     * The credentials; required for running the server but not for its subcommands, which is why picocli does
     * not enforce them itself.
     *
     * @throws ParameterException naming the missing options
     */
    LinkCredentials credentials(CommandLine commandLine) {
        List<String> missing = new ArrayList<>();
        if (certificate == null) {
            missing.add("'--link-cert=PEM'");
        }
        if (key == null) {
            missing.add("'--link-key=PEM'");
        }
        if (ca == null) {
            missing.add("'--link-ca=PEM'");
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(commandLine, "Missing required options: " + String.join(", ", missing));
        }
        try {
            return new LinkCredentials(certificate, key, ca, pin);
        } catch (LinkException e) {
            throw new ParameterException(commandLine, e.getMessage());
        }
    }
}
