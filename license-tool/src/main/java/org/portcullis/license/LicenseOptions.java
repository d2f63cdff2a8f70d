package org.portcullis.license;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * relay-server's license options as a picocli mixin: {@code -l FILE}, {@code -L}, {@code -V} and
 * {@code --license-trust FILE}. A command using it cannot also take picocli's standard {@code -V} for its version
 * (declare {@code --version} alone).
 */
public final class LicenseOptions {
    /** Where relay-server looks for its license unless {@code -l} says otherwise. */
    public static final String DEFAULT_FILE = "/etc/portcullis/license.txt";

    @Option(names = {"-l", "--license"}, paramLabel = "FILE", defaultValue = DEFAULT_FILE,
            description = "The license file (default: ${DEFAULT-VALUE}).")
    private Path file;

    @Option(names = {"-L", "--proxy-id"},
            description = "Prints this host's Proxy ID, which a license is issued for, and exits.")
    private boolean printProxyId;

    @Option(names = {"-V", "--license-status"},
            description = "Prints whether the license is valid (licensee, expiry, days left, Proxy ID) and exits:"
                    + " 0 when valid, otherwise the cause's exit code.")
    private boolean printStatus;

    @Option(names = "--license-trust", paramLabel = "PEM",
            description = "Also accepts licenses signed by this Ed25519 public key (repeatable); the built-in"
                    + " vendor key is always trusted.")
    private List<Path> trustFiles = new ArrayList<>();

    /** The license file. */
    public Path file() {
        return file;
    }

    /**
     * Answers {@code -L} and {@code -V} if given (the Proxy ID first when both are), printing to the command's
     * output and error writers.
     *
     * @return the exit code if one of them was given; empty if the command should go on and start
     */
    public OptionalInt answerQueries(CommandLine commandLine, HostIdentity host, Clock clock) {
        if (!printProxyId && !printStatus) {
            return OptionalInt.empty();
        }
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        if (printProxyId) {
            try {
                out.println(host.proxyId());
                out.flush();
            } catch (LicenseException e) {
                err.println(e.getMessage());
                err.flush();
                return OptionalInt.of(e.problem().exitCode());
            }
        }
        if (printStatus) {
            LicenseStatus status = check(commandLine, host, clock);
            PrintWriter to = status.valid() ? out : err;
            status.report().forEach(to::println);
            to.flush();
            return OptionalInt.of(status.exitCode());
        }
        return OptionalInt.of(0);
    }

    /**
     * The license check with these options.
     *
     * @throws ParameterException if a {@code --license-trust} file holds no public key
     */
    public LicenseStatus check(CommandLine commandLine, HostIdentity host, Clock clock) {
        return LicenseCheck.atStartup(file, trustedKeys(commandLine), host, clock);
    }

    /**
     * The built-in vendor key, then each {@code --license-trust} key.
     *
     * @throws ParameterException naming a file that holds no Ed25519 public key
     */
    public List<TrustedKey> trustedKeys(CommandLine commandLine) {
        List<TrustedKey> keys = new ArrayList<>();
        keys.add(TrustedKey.builtIn());
        for (Path trustFile : trustFiles) {
            try {
                keys.add(TrustedKey.read(trustFile));
            } catch (IOException | IllegalArgumentException e) {
                throw new ParameterException(commandLine, "--license-trust " + trustFile + ": "
                        + (e instanceof IOException ? FileErrors.reason((IOException) e) : e.getMessage()));
            }
        }
        return List.copyOf(keys);
    }
}
