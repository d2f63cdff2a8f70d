package org.portcullis.license.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.portcullis.license.FileErrors;
import org.portcullis.license.LicenseCheck;
import org.portcullis.license.LicenseException;
import org.portcullis.license.LicenseStatus;
import org.portcullis.license.ProxyId;
import org.portcullis.license.TrustedKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code verify}: checks a license file as relay-server does at start, against given keys and a Proxy ID. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks a license file as relay-server does at start: signature, Proxy ID, dates.",
            "Prints what it grants and exits 0 when valid; otherwise one line on standard error and the cause's"
                    + " exit code (see the README, Licensing)."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private LicenseToolMain tool;

    @Parameters(index = "0", paramLabel = "FILE", description = "The license file.")
    private Path file;

    @Option(names = "--public-key", paramLabel = "PEM",
            description = "Also accepts licenses signed by this key (repeatable); the built-in vendor key always.")
    private List<Path> publicKeys = new ArrayList<>();

    @Option(names = "--proxy-id", paramLabel = "PCX-XXXX-XXXX-XXXX-XXXX", converter = ProxyIdConverter.class,
            description = "The host the license must be for (default: this host).")
    private ProxyId proxyId;

    @Override
    public Integer call() {
        List<TrustedKey> trusted = new ArrayList<>(List.of(TrustedKey.builtIn()));
        for (Path publicKey : publicKeys) {
            try {
                trusted.add(TrustedKey.read(publicKey));
            } catch (IOException e) {
                return Failure.print(spec, "--public-key " + publicKey + ": " + FileErrors.reason(e));
            } catch (IllegalArgumentException e) {
                return Failure.print(spec, "--public-key " + publicKey + ": " + e.getMessage());
            }
        }
        ProxyId here;
        try {
            here = proxyId != null ? proxyId : tool.host().proxyId();
        } catch (LicenseException e) {
            return Failure.print(spec, e.getMessage(), e.problem().exitCode());
        }
        LicenseStatus status = LicenseCheck.atStartup(file, trusted, here, tool.clock());
        if (!status.valid()) {
            return Failure.print(spec, status.message(), status.exitCode());
        }
        PrintWriter out = spec.commandLine().getOut();
        status.report().forEach(out::println);
        out.flush();
        return 0;
    }
}
