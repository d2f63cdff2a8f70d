package org.portcullis.license.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.portcullis.license.HostIdentity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of license-tool, which makes keys and issues and verifies license files bound to a Proxy ID. */
@Command(name = "license-tool", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        subcommands = {KeygenCommand.class, IssueCommand.class, VerifyCommand.class, ShowCommand.class},
        description = "Makes keys and issues and verifies license files bound to a Proxy ID.")
public final class LicenseToolMain implements Callable<Integer> {
    private final Clock clock;
    private final HostIdentity host;

    @Spec
    private CommandSpec spec;

    /** The real clock and this host's machine ID. */
    public LicenseToolMain() {
        this(Clock.systemUTC(), HostIdentity.system());
    }

    /** Another clock and machine ID (for tests). */
    public LicenseToolMain(Clock clock, HostIdentity host) {
        this.clock = clock;
        this.host = host;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LicenseToolMain()).execute(args));
    }

    /** Without a subcommand: the usage on standard error, a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("license-tool: name a command: keygen, issue, verify or show");
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    Clock clock() {
        return clock;
    }

    HostIdentity host() {
        return host;
    }
}
