package org.portcullis.license.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PrivateKey;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.portcullis.license.FileErrors;
import org.portcullis.license.License;
import org.portcullis.license.LicenseFile;
import org.portcullis.license.LicenseKeys;
import org.portcullis.license.ProxyId;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code issue}: signs a license for one Proxy ID and writes it to a new file. */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = "Signs a license for the host with the given Proxy ID (relay-server -L prints it) and writes"
                + " it to a new file. Dates are UTC days, both inclusive.")
final class IssueCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private LicenseToolMain tool;

    @Option(names = "--proxy-id", paramLabel = "PCX-XXXX-XXXX-XXXX-XXXX", required = true,
            converter = ProxyIdConverter.class, description = "The host the license is for.")
    private ProxyId proxyId;

    @Option(names = "--licensee", paramLabel = "NAME", required = true,
            description = "Who the license is for (up to " + License.MAX_TEXT_LENGTH + " characters).")
    private String licensee;

    @Option(names = "--expires", paramLabel = "YYYY-MM-DD", required = true, converter = DateConverter.class,
            description = "The last day the license is valid.")
    private LocalDate expires;

    @Option(names = "--not-before", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "The first day the license is valid (default: today).")
    private LocalDate notBefore;

    @Option(names = "--max-sessions", paramLabel = "N",
            description = "The most OFTP2 sessions relay-server runs at once (default: no limit from the license).")
    private Integer maxSessions;

    @Option(names = "--limit", paramLabel = "NAME=VALUE",
            description = "A further field for limits a newer relay-server knows (repeatable).")
    private Map<String, String> limits = new LinkedHashMap<>();

    @Option(names = "--key", paramLabel = "PEM", required = true, description = "The private key to sign with.")
    private Path keyFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The license file to create; it must not exist.")
    private Path output;

    @Override
    public Integer call() {
        LocalDate today = LocalDate.now(tool.clock().withZone(ZoneOffset.UTC));
        if (expires.isBefore(today)) {
            return Failure.print(spec, "--expires " + expires + " is in the past", CommandLine.ExitCode.USAGE);
        }
        License license;
        try {
            license = new License(licensee, proxyId, today, notBefore == null ? today : notBefore, expires,
                    maxSessions == null ? OptionalInt.empty() : OptionalInt.of(maxSessions), new TreeMap<>(limits));
        } catch (IllegalArgumentException e) {
            return Failure.print(spec, e.getMessage(), CommandLine.ExitCode.USAGE);
        }
        PrivateKey key;
        try {
            key = LicenseKeys.readPrivateKey(keyFile);
        } catch (IOException e) {
            return Failure.print(spec, "--key " + keyFile + ": " + FileErrors.reason(e));
        } catch (IllegalArgumentException e) {
            return Failure.print(spec, "--key " + keyFile + ": " + e.getMessage());
        }
        try {
            Files.writeString(output, LicenseFile.sign(license, key).text(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            return Failure.print(spec, "cannot write " + output + ": " + FileErrors.reason(e));
        }
        spec.commandLine().getOut().printf("wrote %s: %s on %s, %s through %s%n", output, license.licensee(),
                license.proxyId(), license.notBefore(), license.expires());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
